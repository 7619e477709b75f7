package org.musubi.portal.ownrecords;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.musubi.security.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /portal/own-records}: the facility's own patient ID in, the viewer of what the facility sent out (purpose
 * {@code OWN_RECORDS}). A patient the user may not open, or no such ID at their facility, is one 404 page.
 */
@Controller
class OwnRecordsController {

    private final FindOwnPatient find;

    OwnRecordsController(FindOwnPatient find) {
        this.find = find;
    }

    @GetMapping("/portal/own-records")
    String form() {
        return "portal/own-records";
    }

    /** The ID is posted, never put in an address (where logs and browser histories would keep it). */
    @PostMapping("/portal/own-records")
    String find(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) String localId, Model model,
                HttpServletResponse response) {
        if (localId == null || localId.isBlank()) {
            return "portal/own-records";
        }
        Optional<String> person = find.find(me, localId);
        if (person.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("localId", localId.strip());
            model.addAttribute("error", "ownRecords.notFound");
            return "portal/own-records";
        }
        return "redirect:/portal/patients/" + person.get() + "?purpose=OWN_RECORDS";
    }
}
