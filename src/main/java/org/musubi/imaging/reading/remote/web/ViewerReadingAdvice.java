package org.musubi.imaging.reading.remote.web;

import java.util.List;
import org.musubi.imaging.proxy.OwnStudies;
import org.musubi.imaging.reading.remote.RemoteReadings;
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
    private final OwnStudies own;

    ViewerReadingAdvice(RemoteReadings readings, OwnStudies own) {
        this.readings = readings;
        this.own = own;
    }

    @ModelAttribute("readingCentres")
    List<RemoteReadings.Centre> readingCentres(@AuthenticationPrincipal SignedIn me,
            @PathVariable(name = "study", required = false) String study) {
        Reader reader = me == null ? null : new Reader(me.userId(), me.facilityId());
        return own.ownedBy(reader, study).map(s -> readings.centresFor(reader, s)).orElse(List.of());
    }
}
