package org.musubi.portal.consult;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.musubi.audit.AuditAction;
import org.musubi.consult.AskConsultation;
import org.musubi.consult.ConsultFault;
import org.musubi.consult.Consultations;
import org.musubi.consult.RecordItem;
import org.musubi.paging.PageRequest;
import org.musubi.policy.Interaction;
import org.musubi.policy.PersonView;
import org.musubi.record.PatientRef;
import org.musubi.record.ReadRecords;
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
import org.springframework.web.multipart.MultipartFile;

/**
 * Asking a consultation. Asking needs the asker's facility to hold the record (the form is one audited reading of the
 * record's outline, for picking references).
 */
@Controller
class ConsultAskController {

    private static final Set<FacilityKind> ASKABLE = EnumSet.of(FacilityKind.HOSPITAL, FacilityKind.CLINIC,
            FacilityKind.DENTAL_CLINIC);

    private final AskConsultation asking;
    private final ReadRecords reads;
    private final Facilities facilities;
    private final Users users;

    ConsultAskController(AskConsultation asking, ReadRecords reads, Facilities facilities, Users users) {
        this.asking = asking;
        this.reads = reads;
        this.facilities = facilities;
        this.users = users;
    }

    @GetMapping("/portal/patients/{personId}/consultations/new")
    String form(@AuthenticationPrincipal SignedIn me, @PathVariable String personId,
                @RequestParam(required = false) Long facility, Model model, HttpServletResponse response) {
        return form(me, ConsultAnswers.person(personId), facility, List.of(), model, response);
    }

    @PostMapping("/portal/patients/{personId}/consultations")
    String ask(@AuthenticationPrincipal SignedIn me, @PathVariable String personId, @RequestParam long facility,
               @RequestParam(required = false) Long specialist, @RequestParam(required = false) String department,
               @RequestParam(required = false) String subject, @RequestParam(required = false) String text,
               @RequestParam(required = false) List<String> reference,
               @RequestParam(required = false) MultipartFile[] files, Model model, HttpServletResponse response)
            throws IOException {
        long person = ConsultAnswers.person(personId);
        try {
            return asking.ask(ConsultAnswers.reader(me), person, new Consultations.Question(facility, specialist, department,
                            subject, text, reference, ConsultAnswers.uploads(files)))
                    .map(t -> "redirect:/portal/consultations/" + t.id() + "?asked")
                    .orElseThrow(ConsultAnswers::absent);
        } catch (ConsultFault fault) {
            model.addAttribute("subject", subject);
            model.addAttribute("text", text);
            model.addAttribute("department", department);
            return form(me, person, facility, List.of(fault.key()), model, response);
        }
    }

    private String form(SignedIn me, long personId, Long facility, List<String> faults, Model model,
                        HttpServletResponse response) {
        Interaction<List<RecordItem>> referable = reads.readPerson(ConsultAnswers.reader(me),
                PatientRef.person(personId), AuditAction.READ, Consultations.TYPE, PersonView::actAsHolder,
                RecordItem::referable);
        if (!referable.permitted()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "portal/denied";
        }
        model.addAttribute("personId", personId);
        model.addAttribute("items", referable.value());
        model.addAttribute("faults", faults);
        model.addAttribute("facilities", facilities.all().stream().filter(Facility::active)
                .filter(f -> ASKABLE.contains(f.kind())).toList());
        model.addAttribute("facility", facility);
        model.addAttribute("specialists", facility == null ? List.of() : users.search(null, facility,
                new PageRequest(1, PageRequest.MAX_SIZE)).items().stream().filter(User::active)
                .filter(u -> u.profession() == Profession.DOCTOR || u.profession() == Profession.DENTIST)
                .filter(u -> u.id() != me.userId()).toList());
        return "portal/consult/ask";
    }
}
