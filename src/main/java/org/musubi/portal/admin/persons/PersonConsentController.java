package org.musubi.portal.admin.persons;

import java.util.List;
import java.util.Set;
import org.musubi.audit.Purpose;
import org.musubi.consent.ChangedBy;
import org.musubi.consent.ConsentScope;
import org.musubi.consent.RecordConsent;
import org.musubi.security.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Operators record a person's signed consent form, or its withdrawal. */
@Controller
class PersonConsentController {

    private final RecordConsent record;

    PersonConsentController(RecordConsent record) {
        this.record = record;
    }

    @PostMapping("/admin/persons/{id}/consents")
    String grant(@AuthenticationPrincipal SignedIn me, @PathVariable long id,
                 @RequestParam(required = false) ConsentScope scope, @RequestParam(required = false) Long facilityId,
                 @RequestParam(required = false) List<Purpose> purposes, RedirectAttributes redirect) {
        RecordConsent.ConsentForm form = new RecordConsent.ConsentForm(id, scope, facilityId,
                purposes == null ? Set.of() : Set.copyOf(purposes));
        return PersonChanges.apply(id, redirect, "person.done.consentGranted",
                () -> record.grant(me.userId(), me.facilityId(), form));
    }

    /**
     * Withdraws a consent once confirmed ({@code confirmed=yes}); one click without it comes back to the person's page
     * with the question open and withdraws nothing.
     */
    @PostMapping("/admin/persons/{id}/consents/{consentId}/withdraw")
    String withdraw(@AuthenticationPrincipal SignedIn me, @PathVariable long id, @PathVariable long consentId,
                    @RequestParam(required = false) String confirmed, RedirectAttributes redirect) {
        if (!"yes".equals(confirmed)) {
            // asked once (issue 67): the person's page opens with the question
            redirect.addAttribute("confirm", consentId);
            return "redirect:/admin/persons/" + id;
        }
        return PersonChanges.apply(id, redirect, "person.done.consentWithdrawn",
                () -> record.withdraw(ChangedBy.operator(me.userId()), id, consentId));
    }
}
