package org.musubi.portal.admin.persons;

import jakarta.servlet.http.HttpServletResponse;
import org.musubi.audit.Purpose;
import org.musubi.consent.RecordConsent;
import org.musubi.policy.Decision;
import org.musubi.policy.PersonAccess;
import org.musubi.registry.Facilities;
import org.musubi.security.SignedIn;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * One person for network operators: demographics, cards, consents, facility links, source patients
 * and merges, with the forms that change them. Opening it is an audited policy decision.
 */
@Controller
class PersonController {

    private final PersonAccess access;
    private final PersonFiles files;
    private final Facilities facilities;

    PersonController(PersonAccess access, PersonFiles files, Facilities facilities) {
        this.access = access;
        this.files = files;
        this.facilities = facilities;
    }

    @GetMapping("/admin/persons/{id}")
    String person(@AuthenticationPrincipal SignedIn me, @PathVariable long id, Model model, HttpServletResponse response) {
        Decision decision = access.openPerson(me.userId(), Purpose.OPERATIONS, id);
        model.addAttribute("decision", decision.key());
        if (!decision.permitted()) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            return "admin/person-denied";
        }
        model.addAttribute("file", files.of(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        model.addAttribute("facilities", FacilityChoices.of(facilities.all()));
        model.addAttribute("purposes", RecordConsent.PURPOSES);
        return "admin/person";
    }
}
