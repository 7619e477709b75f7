package org.musubi.portal.pathway;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.musubi.carenet.enrolment.Enrolment;
import org.musubi.carenet.enrolment.EnrolmentStore;
import org.musubi.carenet.enrolment.ListEnrolments;
import org.musubi.carenet.enrolment.Pathways;
import org.musubi.carenet.enrolment.StageFilling;
import org.musubi.carenet.enrolment.StageForm;
import org.musubi.carenet.enrolment.StageState;
import org.musubi.pathway.PathwayTemplate;
import org.musubi.pathway.Stage;
import org.musubi.paging.Page;
import org.musubi.paging.PageRequest;
import org.musubi.policy.PersonAccess;
import org.musubi.record.Reader;
import org.musubi.security.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Regional pathways on the clinicians' portal: a patient's enrolments and enrolling them (「地域連携パス」 on the
 * patient's page), an enrolment's progress across facilities, a stage's form, and the facility's pathway list. Each
 * page that shows anything of a patient is one audit row (through {@link Pathways} or {@link StageFilling}); a caller
 * they refuse, and a guessed id, gets the 404 of a patient who does not exist.
 */
@Controller
class PathwayController {

    static final int LIST_SIZE = 50;
    private final Pathways pathways;
    private final StageFilling filling;
    private final PersonAccess access;
    private final PathwayNames names;
    private final ListEnrolments enrolments;

    PathwayController(Pathways pathways, StageFilling filling, PersonAccess access, PathwayNames names,
                      ListEnrolments enrolments) {
        this.pathways = pathways;
        this.filling = filling;
        this.access = access;
        this.names = names;
        this.enrolments = enrolments;
    }

    @GetMapping("/portal/patients/{personId}/pathways")
    String patient(@AuthenticationPrincipal SignedIn me, @PathVariable long personId, Model model,
                   HttpServletResponse response) {
        if (!pathways.opensPerson(reader(me), personId)) {
            return denied(response);
        }
        List<Enrolment> enrolments = pathways.ofPerson(personId);
        model.addAttribute("personId", personId);
        model.addAttribute("enrolments", enrolments);
        model.addAttribute("templates", names.templates(enrolments));
        model.addAttribute("standing", me.facilityId() != null && access.standing(me.facilityId(), personId));
        model.addAttribute("offered", pathways.offered());
        Map<String, Map<String, List<org.musubi.registry.Facility>>> candidates = new LinkedHashMap<>();
        pathways.offered().forEach(t -> {
            Map<String, List<org.musubi.registry.Facility>> perStage = new LinkedHashMap<>();
            t.stages().forEach(s -> perStage.put(s.code(), pathways.candidates(s)));
            candidates.put(t.code(), perStage);
        });
        model.addAttribute("candidates", candidates);
        model.addAttribute("today", today());
        model.addAttribute("names", names);
        return "portal/pathway-patient";
    }

    @PostMapping("/portal/patients/{personId}/pathways")
    String enrol(@AuthenticationPrincipal SignedIn me, @PathVariable long personId, @RequestParam String template,
                 @RequestParam MultiValueMap<String, String> params, HttpServletResponse response) {
        Map<String, Long> assignments = new HashMap<>();
        params.forEach((name, values) -> {
            if (name.startsWith("assign.") && !values.isEmpty() && values.getFirst().matches("[0-9]{1,18}")) {
                assignments.put(name.substring("assign.".length()), Long.parseLong(values.getFirst()));
            }
        });
        return pathways.enrol(reader(me), personId, template, assignments)
                .map(e -> "redirect:/portal/pathways/" + e.id() + "?enrolled").orElseGet(() -> denied(response));
    }

    @GetMapping("/portal/pathways/{id}")
    String enrolment(@AuthenticationPrincipal SignedIn me, @PathVariable String id, Model model,
                     HttpServletResponse response) {
        Optional<Pathways.Opened> opened = pathways.open(reader(me), uuid(id));
        if (opened.isEmpty()) {
            return denied(response);
        }
        Enrolment e = opened.get().enrolment();
        PathwayTemplate template = opened.get().template();
        Map<Integer, Boolean> fillable = new HashMap<>();
        e.stages().forEach(s -> fillable.put(s.position(), template.stage(s.stageCode())
                .filter(stage -> pathways.mayFillNow(reader(me), e, s, stage)).isPresent()));
        model.addAttribute("enrolment", e);
        model.addAttribute("template", template);
        model.addAttribute("fillable", fillable);
        model.addAttribute("standing", me.facilityId() != null && access.standing(me.facilityId(), e.personId()));
        model.addAttribute("today", today());
        model.addAttribute("names", names);
        return "portal/pathway";
    }

    /**
     * Withdraws the enrolment once confirmed ({@code confirmed=yes}); one click without it comes back to the
     * enrolment's page with the question open (the page answers 404 to anyone who may not see it) and changes nothing.
     */
    @PostMapping("/portal/pathways/{id}/withdraw")
    String withdraw(@AuthenticationPrincipal SignedIn me, @PathVariable String id,
                    @RequestParam(required = false) String confirmed, HttpServletResponse response) {
        if (!"yes".equals(confirmed)) {
            // asked once (issue 67): the enrolment's page opens with the question
            UUID enrolment = uuid(id);
            return enrolment == null ? denied(response) : "redirect:/portal/pathways/" + enrolment + "?confirm";
        }
        return pathways.withdraw(reader(me), uuid(id)) ? "redirect:/portal/pathways/" + id + "?withdrawn"
                : denied(response);
    }

    @GetMapping("/portal/pathways/{id}/stages/{position}")
    String form(@AuthenticationPrincipal SignedIn me, @PathVariable String id, @PathVariable int position, Model model,
                HttpServletResponse response) {
        Optional<StageFilling.FormPage> page = filling.form(reader(me), uuid(id), position);
        if (page.isEmpty()) {
            return denied(response);
        }
        return form(page.get(), null, model);
    }

    @PostMapping("/portal/pathways/{id}/stages/{position}")
    String fill(@AuthenticationPrincipal SignedIn me, @PathVariable String id, @PathVariable int position,
                @RequestParam MultiValueMap<String, String> params,
                @RequestParam(required = false) String nextFacility, Model model, HttpServletResponse response) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        params.forEach((name, values) -> {
            if (name.startsWith(StageForm.PREFIX)) {
                fields.put(name, values);
            }
        });
        Long next = nextFacility != null && nextFacility.matches("[0-9]{1,18}") ? Long.valueOf(nextFacility) : null;
        StageFilling.Filled filled = filling.fill(reader(me), uuid(id), position, fields, next);
        return switch (filled) {
            case StageFilling.Filled.Saved saved -> "redirect:/portal/pathways/" + id + "?filled=" + position;
            case StageFilling.Filled.Invalid invalid -> {
                response.setStatus(422);
                yield form(invalid.page(), invalid.bound(), model);
            }
            case StageFilling.Filled.FilledMeanwhile meanwhile -> {
                // told who filled it and when; what this person typed stays on the page, for them to compare or copy
                response.setStatus(409);
                model.addAttribute("meanwhile", meanwhile.page().state());
                yield form(meanwhile.page(), null, model);
            }
            case StageFilling.Filled.Refused refused -> denied(response);
        };
    }

    private String form(StageFilling.FormPage page, StageForm.Bound bound, Model model) {
        Stage stage = page.stage();
        model.addAttribute("page", page);
        model.addAttribute("fields", StageForm.fields(stage.form()));
        model.addAttribute("values", page.values());
        model.addAttribute("prefilled", page.prefilled());
        model.addAttribute("bound", bound);
        model.addAttribute("faults", bound == null ? List.of() : bound.faults());
        Optional<StageState> next = page.enrolment().stage(page.state().position() + 1);
        Optional<Stage> nextStage = next.flatMap(n -> page.template().stage(n.stageCode()));
        model.addAttribute("nextStage", nextStage.orElse(null));
        model.addAttribute("nextState", next.orElse(null));
        model.addAttribute("nextCandidates", nextStage.map(pathways::candidates).orElse(List.of()));
        model.addAttribute("names", names);
        return "portal/pathway-form";
    }

    @GetMapping("/portal/pathways")
    String list(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) String template,
                @RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
                Model model) {
        Enrolment.Status asked = java.util.Arrays.stream(Enrolment.Status.values())
                .filter(s -> s.name().equals(status)).findFirst().orElse(null);
        Page<Enrolment> results = me.facilityId() == null ? new Page<>(List.of(), new PageRequest(1, LIST_SIZE), 0)
                : enrolments.list(new EnrolmentStore.ListQuery(me.facilityId(), template, asked),
                new PageRequest(page == null ? 1 : page, LIST_SIZE));
        model.addAttribute("results", results);
        model.addAttribute("templates", names.templates(results.items()));
        model.addAttribute("offered", pathways.offered());
        model.addAttribute("template", template);
        model.addAttribute("status", asked == null ? null : asked.name());
        model.addAttribute("statuses", Enrolment.Status.values());
        model.addAttribute("myFacility", me.facilityId());
        model.addAttribute("today", today());
        model.addAttribute("names", names);
        return "portal/pathway-list";
    }

    private static LocalDate today() {
        return LocalDate.now(Pathways.JAPAN);
    }

    private static Reader reader(SignedIn me) {
        return new Reader(me.userId(), me.facilityId());
    }

    static String denied(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return "portal/denied";
    }

    private static UUID uuid(String asked) {
        try {
            return UUID.fromString(asked);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
