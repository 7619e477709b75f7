package org.musubi.emergency.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.musubi.consent.Refused;
import org.musubi.emergency.HandOverToHospital;
import org.musubi.emergency.HandOvers;
import org.musubi.emergency.OpenHandOver;
import org.musubi.paging.PageRequest;
import org.musubi.policy.OpenEmergencyAccess;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.FacilityStatus;
import org.musubi.security.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The hand-over: the crew searches the receiving hospital or clinic by name and hands the person over; the receiving
 * facility's emergency room sees its live hand-overs in an inbox (no patient data until opened), opens one (an
 * emergency access of its own, audited) and may break the glass for more (reason and password).
 */
@Controller
class HandOverController {

    private final HandOverToHospital handOver;
    private final OpenHandOver openHandOver;
    private final HandOvers handOvers;
    private final Facilities facilities;
    private final OpenEmergencyAccess glass;

    HandOverController(HandOverToHospital handOver, OpenHandOver openHandOver, HandOvers handOvers,
                       Facilities facilities, OpenEmergencyAccess glass) {
        this.handOver = handOver;
        this.openHandOver = openHandOver;
        this.handOvers = handOvers;
        this.facilities = facilities;
        this.glass = glass;
    }

    @GetMapping("/emergency/persons/{personId}/handover")
    String search(@PathVariable long personId, @RequestParam(required = false) String q, Model model) {
        model.addAttribute("personId", personId);
        model.addAttribute("q", q);
        List<Facility> found = new ArrayList<>();
        if (q != null && !q.isBlank()) {
            for (FacilityKind kind : List.of(FacilityKind.HOSPITAL, FacilityKind.CLINIC)) {
                found.addAll(facilities.search(q.strip(), kind, FacilityStatus.ACTIVE, new PageRequest(1, 20)).items());
            }
        }
        model.addAttribute("facilities", found);
        return "emergency/handover";
    }

    @PostMapping("/emergency/persons/{personId}/handover")
    String handOver(@AuthenticationPrincipal SignedIn me, @PathVariable long personId, @RequestParam long facility,
                    Model model) {
        try {
            handOver.handOver(me.userId(), personId, facility);
            return "redirect:/emergency/persons/" + personId + "?handedOver";
        } catch (Refused refused) {
            model.addAttribute("personId", personId);
            model.addAttribute("facilities", List.of());
            model.addAttribute("error", refused.messageKey());
            return "emergency/handover";
        }
    }

    /** The emergency room's inbox: the live hand-overs to the user's facility, without patient data. */
    @GetMapping("/emergency/inbox")
    String inbox(@AuthenticationPrincipal SignedIn me, Model model) {
        model.addAttribute("handOvers", me.facilityId() == null ? List.of()
                : handOvers.liveFor(me.facilityId(), Instant.now()));
        return "emergency/inbox";
    }

    @GetMapping("/emergency/handovers/{token}")
    String open(@AuthenticationPrincipal SignedIn me, @PathVariable String token, HttpServletResponse response) {
        try {
            return "redirect:/emergency/persons/" + openHandOver.open(me.userId(), me.facilityId(), token);
        } catch (Refused refused) {
            if (!glass.emergencyProfession(me.userId())) {
                // the reason is the user's profession, whatever the token: said as such, the same for every token
                response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                return "emergency/hand-over-refused";
            }
            return DatasetController.notFound(response);
        }
    }

    /** More than the dataset: the emergency room's own break-the-glass (reason and password), then the viewer. */
    @PostMapping("/emergency/persons/{personId}/glass")
    String breakTheGlass(@AuthenticationPrincipal SignedIn me, @PathVariable long personId, @RequestParam String reason,
                         @RequestParam String password, HttpServletResponse response) {
        try {
            glass.open(me.userId(), personId, reason, password);
            return "redirect:/portal/patients/" + personId + "?purpose=EMERGENCY";
        } catch (Refused refused) {
            if (refused.messageKey().equals(OpenEmergencyAccess.NOT_FOUND)) {
                return DatasetController.notFound(response);
            }
            return "redirect:/emergency/persons/" + personId + "?glassError="
                    + (refused.messageKey().equals("emergency.password.wrong") ? "password" : "reason");
        }
    }
}
