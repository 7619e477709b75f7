package org.musubi.imaging.reading.programme.web;

import java.util.List;
import org.musubi.imaging.proxy.OwnStudies;
import org.musubi.imaging.reading.programme.Programme;
import org.musubi.imaging.reading.programme.SubmitForDoubleReading;
import org.musubi.record.Reader;
import org.musubi.security.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The viewer page's submission form ({@code templates/imaging/fragments/programme.html}): the programmes reading the
 * study's kind, for a doctor who opened the study as their own record (not a reader who came through a grant). Only
 * the study's kind is looked at here; the viewer's own opening decides whether the page shows at all, and the
 * submission decides again.
 */
@ControllerAdvice(basePackages = "org.musubi.imaging.viewer.web")
class ViewerProgrammeAdvice {

    private final SubmitForDoubleReading submissions;
    private final OwnStudies own;

    ViewerProgrammeAdvice(SubmitForDoubleReading submissions, OwnStudies own) {
        this.submissions = submissions;
        this.own = own;
    }

    @ModelAttribute("readingProgrammes")
    List<Programme> readingProgrammes(@AuthenticationPrincipal SignedIn me,
            @PathVariable(name = "study", required = false) String study) {
        Reader reader = me == null ? null : new Reader(me.userId(), me.facilityId());
        return own.ownedBy(reader, study).map(s -> submissions.programmesFor(reader, s)).orElse(List.of());
    }
}
