package org.musubi.portal.municipal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.musubi.audit.Purpose;
import org.musubi.carenet.municipal.DocumentKind;
import org.musubi.carenet.municipal.FormAnswers;
import org.musubi.carenet.municipal.MunicipalDocuments;
import org.musubi.carenet.municipal.RequestOpinion;
import org.musubi.carenet.municipal.SendDischargeSheet;
import org.musubi.paging.PageRequest;
import org.musubi.policy.PersonAccess;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.registry.Users;
import org.musubi.security.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The composers: the municipality's request for a 主治医意見書 and the hospital's 退院時情報共有 sheet. Sending either
 * cannot be undone: each asks once (only a POST with {@code confirmed=yes} acts; without it the page comes back with
 * the question open and what was typed). A composer's page opens the person through the policy (one audit row).
 */
@Controller
class MunicipalComposeController {

    private final RequestOpinion requests;
    private final SendDischargeSheet sheets;
    private final PersonAccess access;
    private final Users users;
    private final Facilities facilities;

    MunicipalComposeController(RequestOpinion requests, SendDischargeSheet sheets, PersonAccess access, Users users,
                               Facilities facilities) {
        this.requests = requests;
        this.sheets = sheets;
        this.access = access;
        this.users = users;
        this.facilities = facilities;
    }

    @GetMapping("/portal/patients/{personId}/opinion-requests/new")
    String requestForm(@AuthenticationPrincipal SignedIn me, @PathVariable long personId,
                       @RequestParam(required = false) Long facility, Model model, HttpServletResponse response) {
        if (!holder(me, personId, Set.of(FacilityKind.MUNICIPALITY))) {
            return MunicipalController.denied(response);
        }
        return requestPage(model, personId, facility, Map.of(), List.of());
    }

    @PostMapping("/portal/patients/{personId}/opinion-requests")
    String request(@AuthenticationPrincipal SignedIn me, @PathVariable long personId,
                   @RequestParam(required = false) Long doctor, @RequestParam(required = false) LocalDate due,
                   @RequestParam(required = false) String application,
                   @RequestParam(required = false) String insuredNumber, @RequestParam(required = false) String note,
                   @RequestParam(required = false) Long facility, @RequestParam(required = false) String confirmed,
                   Model model, HttpServletResponse response) {
        if (!"yes".equals(confirmed)) {
            // a request cannot be taken back (issue 67): nothing is sent; the form, for a municipality that may ask
            // about the person (the form's own check and audit row), opens the question with what was typed
            if (!holder(me, personId, Set.of(FacilityKind.MUNICIPALITY))) {
                return MunicipalController.denied(response);
            }
            model.addAttribute("asked", true);
            model.addAttribute("chosen", doctor);
            return requestPage(model, personId, facility, typedRequest(due, application, insuredNumber, note),
                    List.of());
        }
        MunicipalDocuments.Outcome<UUID> made = requests.request(MunicipalController.reader(me), new MunicipalDocuments.Request(personId,
                doctor == null ? -1 : doctor, due, application, insuredNumber, note));
        if (made.notFound()) {
            return MunicipalController.denied(response);
        }
        if (!made.ok()) {
            response.setStatus(made.faults().contains(MunicipalDocuments.STANDBY) ? 503 : 422);
            return requestPage(model, personId, facility, typedRequest(due, application, insuredNumber, note),
                    made.faults());
        }
        return "redirect:/portal/municipal/documents/" + made.value() + "?requested";
    }

    @GetMapping("/portal/patients/{personId}/discharge-sheets/new")
    String sheetForm(@AuthenticationPrincipal SignedIn me, @PathVariable long personId,
                     @RequestParam(required = false) Long facility, Locale locale, Model model,
                     HttpServletResponse response) {
        if (!holder(me, personId, Set.of(FacilityKind.HOSPITAL, FacilityKind.CLINIC))) {
            return MunicipalController.denied(response);
        }
        return sheetPage(model, personId, facility, locale, Map.of(), List.of(), List.of());
    }

    @PostMapping("/portal/patients/{personId}/discharge-sheets")
    String sendSheet(@AuthenticationPrincipal SignedIn me, @PathVariable long personId,
                     @RequestParam(required = false) Long careManager, @RequestParam(required = false) Long facility,
                     HttpServletRequest request, Locale locale, Model model, HttpServletResponse response) {
        Map<String, List<String>> fields = MunicipalController.fields(request);
        if (!MunicipalController.confirmed(request)) {
            // a sheet sent cannot be taken back (issue 67): nothing is sent; the composer, for a holder of the
            // person's record (its own check and audit row), opens the question with what was typed
            if (!holder(me, personId, Set.of(FacilityKind.HOSPITAL, FacilityKind.CLINIC))) {
                return MunicipalController.denied(response);
            }
            model.addAttribute("asked", true);
            model.addAttribute("chosen", careManager);
            return sheetPage(model, personId, facility, locale, fields, List.of(), List.of());
        }
        MunicipalDocuments.Outcome<UUID> sent = sheets.sendSheet(MunicipalController.reader(me), personId,
                careManager == null ? -1 : careManager, fields);
        if (sent.faults().contains(MunicipalDocuments.NOT_OUR_PATIENT)) {
            return MunicipalController.denied(response);
        }
        if (!sent.ok()) {
            response.setStatus(sent.faults().contains(MunicipalDocuments.STANDBY) ? 503 : 422);
            return sheetPage(model, personId, facility, locale, fields, sent.faults(), sent.form());
        }
        return "redirect:/portal/municipal/documents/" + sent.value() + "?sent";
    }

    private static Map<String, String> typedRequest(LocalDate due, String application, String insuredNumber,
                                                   String note) {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("due", due == null ? "" : due.toString());
        typed.put("application", application == null ? "" : application);
        typed.put("insuredNumber", insuredNumber == null ? "" : insuredNumber);
        typed.put("note", note == null ? "" : note);
        return typed;
    }

    private String facilityName(Long facility) {
        return facility == null ? "" : facilities.find(facility).map(Facility::nameKanji).orElse("");
    }

    private String requestPage(Model model, long personId, Long facility, Map<String, String> typed,
                               List<String> faults) {
        model.addAttribute("personId", personId);
        model.addAttribute("facilities", facilities.all().stream().filter(Facility::active)
                .filter(f -> f.kind() == FacilityKind.HOSPITAL || f.kind() == FacilityKind.CLINIC).toList());
        model.addAttribute("facility", facility);
        model.addAttribute("facilityName", facilityName(facility));
        model.addAttribute("doctors", staff(facility, Profession.DOCTOR));
        model.addAttribute("applications", MunicipalDocuments.APPLICATIONS);
        model.addAttribute("typed", typed);
        model.addAttribute("faults", faults);
        return "portal/municipal/request";
    }

    private String sheetPage(Model model, long personId, Long facility, Locale locale,
                             Map<String, List<String>> typed, List<String> faults,
                             List<org.musubi.pathway.FormFault> formFaults) {
        model.addAttribute("personId", personId);
        model.addAttribute("facilities", facilities.all().stream().filter(Facility::active)
                .filter(f -> f.kind() == FacilityKind.CARE_FACILITY).toList());
        model.addAttribute("facility", facility);
        model.addAttribute("facilityName", facilityName(facility));
        model.addAttribute("managers", staff(facility, Profession.CARE_MANAGER));
        model.addAttribute("groups", FormAnswers.layout(DocumentKind.DISCHARGE_SHEET.form(), locale));
        model.addAttribute("typed", typed);
        model.addAttribute("faults", faults);
        model.addAttribute("formFaults", formFaults);
        return "portal/municipal/sheet";
    }

    private List<User> staff(Long facility, Profession profession) {
        return facility == null ? List.of() : users.search(null, facility, new PageRequest(1, PageRequest.MAX_SIZE))
                .items().stream().filter(User::active).filter(u -> u.profession() == profession).toList();
    }

    /** Whether the user's facility (of one of {@code kinds}) holds the person's record; the page's one audit row. */
    private boolean holder(SignedIn me, long personId, Set<FacilityKind> kinds) {
        boolean kind = me.facilityId() != null && facilities.find(me.facilityId()).filter(f -> kinds.contains(f.kind()))
                .isPresent();
        return access.openPerson(me.userId(), Purpose.TREATMENT, personId).permitted() && kind
                && access.standing(me.facilityId(), personId);
    }
}
