package org.musubi.portal.web;

import org.musubi.consent.OpenEmergencyAccess;
import org.musubi.consent.Refused;
import org.musubi.security.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Break-the-glass: state a reason, type the password again, then see the emergency minimum dataset. */
@Controller
class EmergencyController {

    private final OpenEmergencyAccess emergency;

    EmergencyController(OpenEmergencyAccess emergency) {
        this.emergency = emergency;
    }

    @GetMapping("/portal/patients/{personId}/emergency")
    String form(@PathVariable long personId, Model model) {
        model.addAttribute("personId", personId);
        return "portal/emergency";
    }

    @PostMapping("/portal/patients/{personId}/emergency")
    String open(@AuthenticationPrincipal SignedIn me, @PathVariable long personId, @RequestParam String reason,
                @RequestParam String password, Model model) {
        try {
            emergency.open(me.userId(), personId, reason, password);
            return "redirect:/portal/patients/" + personId + "?purpose=EMERGENCY";
        } catch (Refused refused) {
            model.addAttribute("personId", personId);
            model.addAttribute("error", refused.messageKey());
            return "portal/emergency";
        }
    }
}
