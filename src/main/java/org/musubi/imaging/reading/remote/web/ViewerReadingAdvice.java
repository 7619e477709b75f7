package org.musubi.imaging.reading.remote.web;

import java.util.List;
import org.musubi.imaging.proxy.StudyGrants;
import org.musubi.imaging.reading.remote.RemoteReadings;
import org.musubi.imaging.studies.IndexedStudy;
import org.musubi.imaging.studies.StudyIndex;
import org.musubi.record.Reader;
import org.musubi.security.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The viewer page's reading request form ({@code templates/imaging/fragments/reading.html}): the centres that read the
 * study's kind, for a doctor who opened the study as their own record (not one who opened it through a grant, e.g. a
 * centre's reader). Only the study's kind is looked at here; the viewer's own opening decides whether the page shows at
 * all, and the request decides again.
 */
@ControllerAdvice(basePackages = "org.musubi.imaging.viewer.web")
class ViewerReadingAdvice {

    private final RemoteReadings readings;
    private final StudyIndex index;
    private final List<StudyGrants> grants;

    ViewerReadingAdvice(RemoteReadings readings, StudyIndex index, List<StudyGrants> grants) {
        this.readings = readings;
        this.index = index;
        this.grants = List.copyOf(grants);
    }

    @ModelAttribute("readingCentres")
    List<RemoteReadings.Centre> readingCentres(@AuthenticationPrincipal SignedIn me,
                                               @PathVariable(name = "study", required = false) String study) {
        if (me == null || !IndexedStudy.isUid(study)) {
            return List.of();
        }
        Reader reader = new Reader(me.userId(), me.facilityId());
        return index.find(study)
                .filter(s -> grants.stream().allMatch(g -> g.granted(reader, s).isEmpty()))
                .map(s -> readings.centresFor(reader, s)).orElse(List.of());
    }
}
