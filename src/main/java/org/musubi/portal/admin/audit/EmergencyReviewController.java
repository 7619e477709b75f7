package org.musubi.portal.admin.audit;

import java.util.List;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.consent.Consents;
import org.musubi.consent.EmergencyAccess;
import org.musubi.security.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Every break-the-glass access waits here until a network admin has reviewed it. */
@Controller
class EmergencyReviewController {

    private final Consents consents;
    private final Audit audit;
    private final ScreenNames names;

    EmergencyReviewController(Consents consents, Audit audit, ScreenNames names) {
        this.consents = consents;
        this.audit = audit;
        this.names = names;
    }

    @GetMapping("/admin/emergency")
    String list(Model model) {
        List<EmergencyAccess> accesses = consents.unreviewedEmergencies(200);
        model.addAttribute("accesses", accesses);
        model.addAttribute("names", names.ofEmergencies(accesses));
        return "admin/emergency";
    }

    @PostMapping("/admin/emergency/{id}/review")
    String review(@AuthenticationPrincipal SignedIn me, @PathVariable long id, @RequestParam String note) {
        if (consents.reviewEmergency(id, me.userId(), note)) {
            audit.record(AuditEntry.of(AuditAction.EMERGENCY_REVIEW, Outcome.PERMIT).on("EmergencyAccess", id).reason(note));
        }
        return "redirect:/admin/emergency";
    }
}
