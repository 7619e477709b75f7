package org.musubi.portal.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.audit.Purpose;
import org.musubi.consent.Consents;
import org.musubi.consent.LinkPatientToFacility;
import org.musubi.consent.Refused;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.Person;
import org.musubi.policy.Decision;
import org.musubi.policy.PersonAccess;
import org.musubi.security.SignedIn;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Linking a patient by card (この方と連携する) and opening a patient, always through the access policy. */
@Controller
class PatientController {

    private final LinkPatientToFacility linking;
    private final PersonAccess access;
    private final IdentityStore identities;
    private final Consents consents;
    private final Audit audit;

    PatientController(LinkPatientToFacility linking, PersonAccess access, IdentityStore identities, Consents consents,
                      Audit audit) {
        this.linking = linking;
        this.access = access;
        this.identities = identities;
        this.consents = consents;
        this.audit = audit;
    }

    @GetMapping("/portal/link")
    String linkForm() {
        return "portal/link";
    }

    @PostMapping("/portal/link")
    String link(@AuthenticationPrincipal SignedIn me, @RequestParam String card, @RequestParam String kanaName,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate birthDate,
                @RequestParam(required = false) String chartNumber, Model model) {
        if (me.facilityId() == null) {
            model.addAttribute("error", "link.facility.notViewing");
            return "portal/link";
        }
        try {
            long personId = linking.link(me.userId(), me.facilityId(),
                    new LinkPatientToFacility.LinkRequest(card, kanaName, birthDate, chartNumber));
            return "redirect:/portal/patients/" + personId;
        } catch (Refused refused) {
            model.addAttribute("error", refused.messageKey());
            model.addAttribute("card", card);
            return "portal/link";
        }
    }

    @GetMapping("/portal/patients/{personId}")
    String patient(@AuthenticationPrincipal SignedIn me, @PathVariable long personId,
                   @RequestParam(defaultValue = "TREATMENT") String purpose, Model model, HttpServletResponse response) {
        Purpose why = "EMERGENCY".equals(purpose) ? Purpose.EMERGENCY : Purpose.TREATMENT;
        Decision decision = access.openPerson(me.userId(), why, personId);
        model.addAttribute("personId", personId);
        model.addAttribute("decision", decision.key());
        if (!decision.permitted()) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            return "portal/denied";
        }
        Person shown = shown(identities.person(personId).orElseThrow().person(), decision, me, personId);
        model.addAttribute("person", shown);
        model.addAttribute("age", shown.birthDate() == null ? null
                : Period.between(shown.birthDate(), LocalDate.now(ZoneId.of("Asia/Tokyo"))).getYears());
        return "portal/patient";
    }

    /** Opened only through the user's own facility's data: show the demographics that facility sent, nothing more. */
    private Person shown(Person person, Decision decision, SignedIn me, long personId) {
        if (!decision.key().equals(org.musubi.policy.Permit.OWN_FACILITY_DATA)) {
            return person;
        }
        return identities.sourcePatientsOf(personId).stream()
                .filter(s -> me.facilityId() != null && s.facilityId() == me.facilityId()).findFirst()
                .map(s -> new Person(person.regionalId(), s.familyKanji(), s.givenKanji(), s.familyKana(), s.givenKana(),
                        s.sex(), s.birthDate(), s.postalCode(), s.address(), s.phone()))
                .orElse(person);
    }

    @PostMapping("/portal/patients/{personId}/unlink")
    String unlink(@AuthenticationPrincipal SignedIn me, @PathVariable long personId) {
        if (me.facilityId() != null && consents.endLink(personId, me.facilityId(), me.userId())) {
            String regionalId = identities.person(personId).map(p -> p.person().regionalId()).orElse(null);
            audit.record(AuditEntry.of(AuditAction.PATIENT_UNLINK, Outcome.PERMIT).on("Patient", personId)
                    .patient(regionalId).purpose(Purpose.TREATMENT));
        }
        return "redirect:/?unlinked";
    }
}
