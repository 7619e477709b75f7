package org.musubi.portal.municipal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.musubi.carenet.municipal.DisasterFlags;
import org.musubi.policy.Interaction;
import org.musubi.policy.PersonAccess;
import org.musubi.registry.Facilities;
import org.musubi.registry.FacilityKind;
import org.musubi.security.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A patient's 介護・行政 page (linked from the patient's record): the disaster-help flags as the reader's view shows
 * them (one audited read), the toggle for care managers and municipal staff whose facility holds the record, and the
 * way to request a 主治医意見書 (a municipality) or send a discharge sheet (a hospital or clinic). A person the reader
 * may not see gets the viewer's 404.
 */
@Controller
class PatientMunicipalController {

    private final DisasterFlags flags;
    private final PersonAccess access;
    private final Facilities facilities;

    PatientMunicipalController(DisasterFlags flags, PersonAccess access, Facilities facilities) {
        this.flags = flags;
        this.access = access;
        this.facilities = facilities;
    }

    @GetMapping("/portal/patients/{personId}/municipal")
    String page(@AuthenticationPrincipal SignedIn me, @PathVariable long personId, Model model,
                HttpServletResponse response) {
        Interaction<List<DisasterFlags.Held>> read = flags.read(MunicipalController.reader(me), personId);
        if (!read.permitted()) {
            return MunicipalController.denied(response);
        }
        FacilityKind kind = me.facilityId() == null ? null
                : facilities.find(me.facilityId()).map(f -> f.kind()).orElse(null);
        boolean holder = me.facilityId() != null && access.standing(me.facilityId(), personId);
        model.addAttribute("personId", personId);
        model.addAttribute("held", read.value());
        model.addAttribute("mine", read.value().stream().anyMatch(h -> java.util.Objects.equals(h.facilityId(), me.facilityId())));
        model.addAttribute("keeper", holder && flags.keeper(me.userId()));
        model.addAttribute("requestOpinion", holder && kind == FacilityKind.MUNICIPALITY);
        model.addAttribute("sendSheet", holder && (kind == FacilityKind.HOSPITAL || kind == FacilityKind.CLINIC));
        return "portal/municipal/patient";
    }

    @PostMapping("/portal/patients/{personId}/disaster-flag")
    String set(@AuthenticationPrincipal SignedIn me, @PathVariable long personId, @RequestParam boolean on,
               @RequestParam(required = false) String reason, HttpServletResponse response) {
        if (reason == null || reason.isBlank()) {
            return "redirect:/portal/patients/" + personId + "/municipal?reasonMissing";
        }
        Interaction<DisasterFlags.Change> done = flags.set(MunicipalController.reader(me), personId, on, reason);
        if (!done.permitted() || done.value() == null) {
            return MunicipalController.denied(response);
        }
        return "redirect:/portal/patients/" + personId + "/municipal?" + switch (done.value()) {
            case SET -> "flagged";
            case CLEARED -> "cleared";
            case UNCHANGED -> "unchanged";
            case NOT_OUR_PATIENT -> "notOurPatient";
        };
    }
}
