package org.musubi.portal.web;

import java.time.LocalDate;
import org.musubi.consent.EndLink;
import org.musubi.consent.LinkPatientToFacility;
import org.musubi.consent.Refused;
import org.musubi.security.SignedIn;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Linking a patient by card (この方と連携する) and ending the link; the viewer itself is {@code portal.chart}. */
@Controller
class PatientController {

    private final LinkPatientToFacility linking;
    private final EndLink endLink;

    PatientController(LinkPatientToFacility linking, EndLink endLink) {
        this.linking = linking;
        this.endLink = endLink;
    }

    @GetMapping("/portal/link")
    String linkForm() {
        return "portal/link";
    }

    @PostMapping("/portal/link")
    String link(@AuthenticationPrincipal SignedIn me, @RequestParam String card,
                @RequestParam(required = false) String checkCode, @RequestParam String kanaName,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate birthDate,
                @RequestParam(required = false) String chartNumber, Model model) {
        if (me.facilityId() == null) {
            model.addAttribute("error", "link.facility.notViewing");
            return "portal/link";
        }
        try {
            long personId = linking.link(me.userId(), me.facilityId(),
                    new LinkPatientToFacility.LinkRequest(card, checkCode, kanaName, birthDate, chartNumber));
            return "redirect:/portal/patients/" + personId;
        } catch (Refused refused) {
            model.addAttribute("error", refused.messageKey());
            model.addAttribute("card", card);
            return "portal/link";
        }
    }

    /**
     * Ends the facility's link with the person once confirmed ({@code confirmed=yes}); one click without it comes back
     * to the patient's page with the question open (a person the caller may not see answers 404 there) and ends nothing.
     */
    @PostMapping("/portal/patients/{personId}/unlink")
    String unlink(@AuthenticationPrincipal SignedIn me, @PathVariable long personId,
                  @RequestParam(required = false) String confirmed) {
        if (!"yes".equals(confirmed)) {
            // asked once (issue 67): the patient's page opens with the question
            return "redirect:/portal/patients/" + personId + "?confirm=unlink";
        }
        if (me.facilityId() != null) {
            endLink.byFacility(me.userId(), me.facilityId(), personId);
        }
        return "redirect:/?unlinked";
    }
}
