package org.musubi.portal.admin.persons;

import org.musubi.identity.IdentityConflict;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.link.UnlinkSourcePatient;
import org.musubi.security.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Operators take a wrongly linked facility patient out of a person's record (名寄せの解除). */
@Controller
class SourcePatientController {

    private final UnlinkSourcePatient unlink;
    private final IdentityStore identities;

    SourcePatientController(UnlinkSourcePatient unlink, IdentityStore identities) {
        this.unlink = unlink;
        this.identities = identities;
    }

    /**
     * Unlinks once confirmed ({@code confirmed=yes}, sent with the reason from the same form); one click without it
     * comes back to the person's page with the question open and unlinks nothing.
     */
    @PostMapping("/admin/persons/{id}/source-patients/{sourcePatientId}/unlink")
    String unlink(@AuthenticationPrincipal SignedIn me, @PathVariable long id, @PathVariable long sourcePatientId,
                  @RequestParam(required = false) String reason, @RequestParam(required = false) String confirmed,
                  RedirectAttributes redirect) {
        if (!"yes".equals(confirmed)) {
            // asked once (issue 67): the person's page (opened through the policy, as ever) shows the question
            redirect.addAttribute("confirm", "unlink-" + sourcePatientId);
            return "redirect:/admin/persons/" + id;
        }
        return PersonChanges.apply(id, redirect, "person.done.unlinked", () -> {
            if (identities.personOf(sourcePatientId).filter(p -> p == id).isEmpty()) {
                throw new IdentityConflict("identity.sourcePatient.notLinked");
            }
            unlink.unlink(me.userId(), sourcePatientId, PersonChanges.reason(reason));
        });
    }
}
