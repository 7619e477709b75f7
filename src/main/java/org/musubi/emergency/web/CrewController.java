package org.musubi.emergency.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.LocalDate;
import org.musubi.consent.EmergencyAccess;
import org.musubi.consent.Refused;
import org.musubi.emergency.CrewAccess;
import org.musubi.identity.Sex;
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
 * {@code /emergency} on an ambulance crew's phone: find the person (card number and check code, the QR code of the
 * card or of the printed emergency sheet — typed, pasted by a scanner app, or read by the page's camera button — or
 * the exact kana name, birth date and sex), then a reason from the short list and the password. The person found is
 * kept in the session between the two steps, never in the address.
 */
@Controller
class CrewController {

    static final String FOUND = "musubi.emergency.crew.found";
    private final CrewAccess crew;

    CrewController(CrewAccess crew) {
        this.crew = crew;
    }

    @GetMapping("/emergency")
    String findForm(@AuthenticationPrincipal SignedIn me, Model model, HttpServletResponse response) {
        if (!crew.crew(me.userId())) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            return "emergency/crew-only";
        }
        crew.current(me.userId()).ifPresent(a -> model.addAttribute("current", a));
        return "emergency/find";
    }

    @PostMapping("/emergency")
    String find(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) String card,
                @RequestParam(required = false) String checkCode, @RequestParam(required = false) String kanaName,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate birthDate,
                @RequestParam(required = false) Sex sex, HttpSession session, Model model, HttpServletResponse response) {
        session.removeAttribute(FOUND);
        try {
            session.setAttribute(FOUND, crew.find(me.userId(),
                    new OpenEmergencyAccess.Lookup(card, checkCode, kanaName, birthDate, sex)));
            return "redirect:/emergency/open";
        } catch (Refused refused) {
            if (refused.messageKey().equals(CrewAccess.CREW_ONLY)) {
                response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                return "emergency/crew-only";
            }
            model.addAttribute("error", refused.messageKey());
            crew.current(me.userId()).ifPresent(a -> model.addAttribute("current", a));
            return "emergency/find";
        }
    }

    @GetMapping("/emergency/open")
    String openForm(HttpSession session, Model model) {
        if (!(session.getAttribute(FOUND) instanceof OpenEmergencyAccess.Found found)) {
            return "redirect:/emergency";
        }
        model.addAttribute("found", found);
        model.addAttribute("codes", EmergencyAccess.ReasonCode.values());
        return "emergency/open";
    }

    @PostMapping("/emergency/open")
    String open(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) EmergencyAccess.ReasonCode code,
                @RequestParam(required = false) String reason, @RequestParam String password, HttpSession session,
                Model model) {
        if (!(session.getAttribute(FOUND) instanceof OpenEmergencyAccess.Found found)) {
            return "redirect:/emergency";
        }
        try {
            crew.open(me.userId(), found.personId(), new OpenEmergencyAccess.Reason(code, reason), password);
            session.removeAttribute(FOUND);
            return "redirect:/emergency/persons/" + found.personId();
        } catch (Refused refused) {
            model.addAttribute("found", found);
            model.addAttribute("codes", EmergencyAccess.ReasonCode.values());
            model.addAttribute("error", refused.messageKey());
            return "emergency/open";
        }
    }
}
