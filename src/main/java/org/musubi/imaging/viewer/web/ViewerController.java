package org.musubi.imaging.viewer.web;

import jakarta.servlet.http.HttpSession;
import org.musubi.imaging.proxy.web.DicomWebProxy;
import org.musubi.imaging.proxy.StudyPasses;
import org.musubi.record.Reader;
import org.musubi.security.SignedIn;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The viewer's page: opens the study (audited once; the frames the page then fetches through the proxy use the pass
 * kept in the session), lists the patient's other studies the user may see. A study the user may not see answers 404
 * like one nobody has.
 */
@Controller
class ViewerController {

    private final StudyPasses passes;

    ViewerController(StudyPasses passes) {
        this.passes = passes;
    }

    @GetMapping("/imaging/viewer/studies/{study}")
    String viewer(@AuthenticationPrincipal SignedIn me, @PathVariable String study, HttpSession session, Model model) {
        StudyPasses.Opened opened = passes.open(new Reader(me.userId(), me.facilityId()), study)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        DicomWebProxy.keep(session, opened.pass());
        model.addAttribute("study", opened.study());
        model.addAttribute("studies", opened.studies());
        return "imaging/viewer";
    }
}
