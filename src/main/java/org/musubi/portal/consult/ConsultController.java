package org.musubi.portal.consult;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.musubi.audit.AuditAction;
import org.musubi.consult.ConsultFault;
import org.musubi.consult.ConsultStatus;
import org.musubi.consult.Consultations;
import org.musubi.consult.RecordItem;
import org.musubi.consult.ThreadPage;
import org.musubi.consult.Upload;
import org.musubi.database.Standby;
import org.musubi.paging.PageRequest;
import org.musubi.policy.Interaction;
import org.musubi.policy.PersonView;
import org.musubi.record.ReadRecords;
import org.musubi.record.Reader;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.registry.Users;
import org.musubi.security.SignedIn;
import org.musubi.web.servlet.UntrustedContent;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * The consultations' pages. Asking needs the asker's facility to hold the record (the form is one audited reading of
 * the record's outline, for picking references); a thread the reader takes no part in, and a made-up id, answer 404
 * exactly like one that does not exist, each audited once by {@link Consultations}.
 */
@Controller
class ConsultController {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final Set<FacilityKind> ASKABLE = EnumSet.of(FacilityKind.HOSPITAL, FacilityKind.CLINIC,
            FacilityKind.DENTAL_CLINIC);

    private final Consultations consultations;
    private final ReadRecords reads;
    private final Facilities facilities;
    private final Users users;
    private final Standby standby;

    ConsultController(Consultations consultations, ReadRecords reads, Facilities facilities, Users users,
                      Standby standby) {
        this.consultations = consultations;
        this.reads = reads;
        this.facilities = facilities;
        this.users = users;
        this.standby = standby;
    }

    @GetMapping("/portal/patients/{personId}/consultations/new")
    String form(@AuthenticationPrincipal SignedIn me, @PathVariable String personId,
                @RequestParam(required = false) Long facility, Model model, HttpServletResponse response) {
        return form(me, person(personId), facility, List.of(), model, response);
    }

    @PostMapping("/portal/patients/{personId}/consultations")
    String ask(@AuthenticationPrincipal SignedIn me, @PathVariable String personId, @RequestParam long facility,
               @RequestParam(required = false) Long specialist, @RequestParam(required = false) String department,
               @RequestParam(required = false) String subject, @RequestParam(required = false) String text,
               @RequestParam(required = false) List<String> reference,
               @RequestParam(required = false) MultipartFile[] files, Model model, HttpServletResponse response)
            throws IOException {
        long person = person(personId);
        try {
            return consultations.ask(reader(me), person, new Consultations.Question(facility, specialist, department,
                            subject, text, reference, uploads(files)))
                    .map(t -> "redirect:/portal/consultations/" + t.id() + "?asked")
                    .orElseThrow(ConsultController::absent);
        } catch (ConsultFault fault) {
            model.addAttribute("subject", subject);
            model.addAttribute("text", text);
            model.addAttribute("department", department);
            return form(me, person, facility, List.of(fault.key()), model, response);
        }
    }

    @GetMapping("/portal/consultations")
    String list(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) String tab, Model model) {
        ConsultStatus shown = tab(tab);
        model.addAttribute("tab", shown);
        model.addAttribute("tabs", ConsultStatus.values());
        List<org.musubi.consult.ConsultRows.Line> lines = consultations.list(reader(me), Set.of(shown));
        model.addAttribute("lines", lines);
        model.addAttribute("myId", me.userId());
        names(model, lines.stream().map(org.musubi.consult.ConsultRows.Line::thread).toList());
        return "portal/consult/list";
    }

    @GetMapping("/portal/consultations/{id}")
    String thread(@AuthenticationPrincipal SignedIn me, @PathVariable String id, Model model) {
        ThreadPage page = consultations.open(reader(me), uuid(id)).orElseThrow(ConsultController::absent);
        model.addAttribute("page", page);
        model.addAttribute("t", page.thread());
        names(model, List.of(page.thread()));
        model.addAttribute("readOnly", standby.readOnly());
        return "portal/consult/thread";
    }

    @PostMapping("/portal/consultations/{id}/messages")
    String post(@AuthenticationPrincipal SignedIn me, @PathVariable String id,
                @RequestParam(required = false) String text, @RequestParam(required = false) List<String> reference,
                @RequestParam(required = false) MultipartFile[] files) throws IOException {
        try {
            return consultations.post(reader(me), uuid(id), new Consultations.Post(text, reference, uploads(files)))
                    .map(t -> "redirect:/portal/consultations/" + t.id() + "?posted")
                    .orElseThrow(ConsultController::absent);
        } catch (ConsultFault fault) {
            return "redirect:/portal/consultations/" + id + "?fault=" + fault.key();
        }
    }

    @PostMapping("/portal/consultations/{id}/meeting")
    String meeting(@AuthenticationPrincipal SignedIn me, @PathVariable String id,
                   @RequestParam(required = false) String at, @RequestParam(required = false) String url) {
        try {
            return consultations.meeting(reader(me), uuid(id), when(at), url)
                    .map(t -> "redirect:/portal/consultations/" + t.id() + "?meeting")
                    .orElseThrow(ConsultController::absent);
        } catch (ConsultFault fault) {
            return "redirect:/portal/consultations/" + id + "?fault=" + fault.key();
        }
    }

    /**
     * The asker closes the thread once confirmed ({@code confirmed=yes}); one click without it comes back to the
     * thread with the question open (the thread page answers 404 to anyone else) and closes nothing.
     */
    @PostMapping("/portal/consultations/{id}/close")
    String close(@AuthenticationPrincipal SignedIn me, @PathVariable String id,
                 @RequestParam(required = false) String confirmed) {
        if (!"yes".equals(confirmed)) {
            // asked once (issue 67): the thread opens with the question, nothing is changed
            UUID thread = uuid(id);
            if (thread == null) {
                throw absent();
            }
            return "redirect:/portal/consultations/" + thread + "?confirm";
        }
        try {
            return consultations.close(reader(me), uuid(id))
                    .map(t -> "redirect:/portal/consultations/" + t.id() + "?closed")
                    .orElseThrow(ConsultController::absent);
        } catch (ConsultFault fault) {
            return "redirect:/portal/consultations/" + id + "?fault=" + fault.key();
        }
    }

    /** An attachment: inline when its type runs nothing (a PDF, an image, text), else a sandboxed download. */
    @GetMapping("/portal/consultations/{id}/attachments/{binaryId}")
    void attachment(@AuthenticationPrincipal SignedIn me, @PathVariable String id, @PathVariable String binaryId,
                    HttpServletResponse response) throws IOException {
        Consultations.File file = consultations.attachment(reader(me), uuid(id), binaryId)
                .orElseThrow(ConsultController::absent);
        UntrustedContent.inlineIfSafe(response, file.contentType(), "consultation-" + binaryId);
        response.getOutputStream().write(file.bytes());
    }

    private String form(SignedIn me, long personId, Long facility, List<String> faults, Model model,
                        HttpServletResponse response) {
        Interaction<List<RecordItem>> referable = reads.readPerson(reader(me), personId, AuditAction.READ,
                Consultations.TYPE, PersonView::actAsHolder, RecordItem::referable);
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

    /** The names of the threads' facilities and users, for the templates. */
    private void names(Model model, List<org.musubi.consult.ConsultThread> threads) {
        Map<Long, String> facilityNames = new TreeMap<>();
        Map<Long, String> userNames = new TreeMap<>();
        for (org.musubi.consult.ConsultThread t : threads) {
            for (long f : List.of(t.askingFacility(), t.addresseeFacility())) {
                facilityNames.computeIfAbsent(f, id -> facilities.find(id).map(Facility::nameKanji).orElse("#" + id));
            }
            for (Long u : java.util.Arrays.asList(t.askingUser(), t.addresseeUser())) {
                if (u != null) {
                    userNames.computeIfAbsent(u, id -> users.find(id).map(User::nameKanji).orElse("#" + id));
                }
            }
        }
        model.addAttribute("facilityNames", facilityNames);
        model.addAttribute("userNames", userNames);
    }

    private static List<Upload> uploads(MultipartFile[] files) throws IOException {
        List<Upload> uploads = new ArrayList<>();
        for (MultipartFile file : files == null ? new MultipartFile[0] : files) {
            if (file != null && !file.isEmpty()) {
                uploads.add(new Upload(file.getOriginalFilename(), file.getContentType(), file.getBytes()));
            }
        }
        return uploads;
    }

    private static java.time.Instant when(String at) {
        try {
            return at == null || at.isBlank() ? null : LocalDateTime.parse(at).atZone(JAPAN).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static ConsultStatus tab(String tab) {
        for (ConsultStatus status : ConsultStatus.values()) {
            if (status.name().equalsIgnoreCase(tab)) {
                return status;
            }
        }
        return ConsultStatus.OPEN;
    }

    private static Reader reader(SignedIn me) {
        return new Reader(me.userId(), me.facilityId());
    }

    private static long person(String asked) {
        try {
            return Long.parseLong(asked);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static UUID uuid(String asked) {
        try {
            return UUID.fromString(asked);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    private static ResponseStatusException absent() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
