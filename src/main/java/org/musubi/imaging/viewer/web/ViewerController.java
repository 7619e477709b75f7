package org.musubi.imaging.viewer.web;

import jakarta.servlet.http.HttpServletResponse;
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

    /**
     * The site's policy ({@code SecurityConfiguration.CSP}) plus what Cornerstone3D needs, on this page only:
     * {@code 'wasm-unsafe-eval'} to compile the image loader's WASM codecs (JPEG, JPEG-LS, JPEG 2000, HTJ2K, JPEG XL);
     * {@code worker-src 'self'} for its decoding worker, a file of the jar (no blob: workers, no eval of scripts);
     * {@code img-src blob:} for the tools' mouse cursors, SVG images the page itself makes into blob: URLs; and the
     * one style attribute the length tool puts on its text (tools 5.14.0 {@code drawTextBox}, for the viewport
     * {@code stack}), allowed by its hash alone ({@code 'unsafe-hashes'}: no other inline style). A study the user
     * may not see gets the 404 page with the site's policy, like one nobody has.
     */
    static final String POLICY = "default-src 'self'; img-src 'self' data: blob:; "
            + "style-src 'self' 'unsafe-hashes' 'sha256-KNYf9G1rL5Ukx/7Q7TXEEp5NjSREE99Px0fhLCyvbiM='; "
            + "script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; object-src 'none'; frame-ancestors 'none'; "
            + "form-action 'self'; base-uri 'self'";

    @GetMapping("/imaging/viewer/studies/{study}")
    String viewer(@AuthenticationPrincipal SignedIn me, @PathVariable String study, HttpSession session, Model model,
                  HttpServletResponse response) {
        StudyPasses.Opened opened = passes.open(new Reader(me.userId(), me.facilityId()), study)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        DicomWebProxy.keep(session, opened.pass());
        response.setHeader("Content-Security-Policy", POLICY);
        model.addAttribute("study", opened.study());
        model.addAttribute("studies", opened.studies());
        return "imaging/viewer";
    }
}
