package org.musubi.portal.web;

import jakarta.servlet.http.HttpSession;
import java.time.LocalDate;
import org.musubi.consent.Refused;
import org.musubi.identity.Sex;
import org.musubi.policy.Decision;
import org.musubi.policy.EmergencyEligibility;
import org.musubi.policy.OpenEmergencyAccess;
import org.musubi.security.SignedIn;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Break-the-glass in two steps: find the one patient in front of the user (by card, or by exact kana name, birth
 * date and sex), then state a reason and type the password again to open the emergency minimum dataset. The
 * person found is kept in the user's session between the two steps, never in the address.
 */
@Controller
class EmergencyController {

    static final String FOUND = "musubi.emergency.found";
    private final OpenEmergencyAccess emergency;
    private final EmergencyEligibility eligibility;

    EmergencyController(OpenEmergencyAccess emergency, EmergencyEligibility eligibility) {
        this.emergency = emergency;
        this.eligibility = eligibility;
    }

    /**
     * The form, or for a user who may not break the glass at all (a care worker, a clerk; a disaster responder outside
     * disaster mode) why not, before anything is typed. Opening still asks the policy again.
     */
    @GetMapping("/portal/emergency")
    String findForm(@AuthenticationPrincipal SignedIn me, Model model) {
        Decision may = eligibility.user(me.userId());
        if (!may.permitted()) {
            model.addAttribute("unavailable", may.key());
        }
        return "portal/emergency";
    }

    @PostMapping("/portal/emergency")
    String find(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) String card,
                @RequestParam(required = false) String checkCode, @RequestParam(required = false) String kanaName,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate birthDate,
                @RequestParam(required = false) Sex sex, HttpSession session, Model model) {
        try {
            session.setAttribute(FOUND, emergency.find(me.userId(),
                    new OpenEmergencyAccess.Lookup(card, checkCode, kanaName, birthDate, sex)));
            return "redirect:/portal/emergency/open";
        } catch (Refused refused) {
            session.removeAttribute(FOUND);
            model.addAttribute("error", refused.messageKey());
            return "portal/emergency";
        }
    }

    @GetMapping("/portal/emergency/open")
    String openForm(HttpSession session, Model model) {
        if (!(session.getAttribute(FOUND) instanceof OpenEmergencyAccess.Found found)) {
            return "redirect:/portal/emergency";
        }
        model.addAttribute("found", found);
        return "portal/emergency-open";
    }

    @PostMapping("/portal/emergency/open")
    String open(@AuthenticationPrincipal SignedIn me, @RequestParam String reason, @RequestParam String password,
                HttpSession session, Model model) {
        if (!(session.getAttribute(FOUND) instanceof OpenEmergencyAccess.Found found)) {
            return "redirect:/portal/emergency";
        }
        try {
            emergency.open(me.userId(), found.personId(), reason, password);
            session.removeAttribute(FOUND);
            return "redirect:/portal/patients/" + found.personId() + "?purpose=EMERGENCY";
        } catch (Refused refused) {
            model.addAttribute("found", found);
            model.addAttribute("error", refused.messageKey());
            return "portal/emergency-open";
        }
    }
}
