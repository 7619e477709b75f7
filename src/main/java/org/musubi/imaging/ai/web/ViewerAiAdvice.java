package org.musubi.imaging.ai.web;

import java.util.List;
import java.util.function.Supplier;
import org.musubi.imaging.ai.AiRecords;
import org.musubi.imaging.ai.AiRequests;
import org.musubi.imaging.proxy.OwnStudies;
import org.musubi.imaging.studies.IndexedStudy;
import org.musubi.record.Reader;
import org.musubi.security.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The study page's AI panel ({@code templates/imaging/fragments/ai.html}) for a reader who opened the study as their
 * own record (not through a reading grant, {@code OwnStudies}): the services a doctor may ask about the study's kind
 * (no patient data), and the study's AI findings, read only when the page is drawn — after the viewer's
 * own opening of the study decided that it shows at all — through the record's read door (one audit row; none when the
 * study has no findings).
 */
@ControllerAdvice(basePackages = "org.musubi.imaging.viewer.web")
class ViewerAiAdvice {

    private final AiRequests requests;
    private final OwnStudies own;

    ViewerAiAdvice(AiRequests requests, OwnStudies own) {
        this.requests = requests;
        this.own = own;
    }

    /** The panel: what the page offers, and the findings read when the page asks for them (at most once). */
    public static final class Panel {
        private final List<AiRequests.Offered> offered;
        private final Supplier<List<AiRecords.Shown>> reading;
        private List<AiRecords.Shown> findings;

        Panel(List<AiRequests.Offered> offered, Supplier<List<AiRecords.Shown>> reading) {
            this.offered = offered;
            this.reading = reading;
        }

        public List<AiRequests.Offered> offered() {
            return offered;
        }

        public List<AiRecords.Shown> findings() {
            if (findings == null) {
                findings = reading.get();
            }
            return findings;
        }
    }

    @ModelAttribute("aiPanel")
    Panel aiPanel(@AuthenticationPrincipal SignedIn me, @PathVariable(name = "study", required = false) String study) {
        Reader reader = me == null ? null : new Reader(me.userId(), me.facilityId());
        IndexedStudy found = own.ownedBy(reader, study).orElse(null);
        if (found == null) {
            return new Panel(List.of(), List::of);
        }
        return new Panel(requests.offeredFor(reader, found), () -> requests.findings(reader, found));
    }
}
