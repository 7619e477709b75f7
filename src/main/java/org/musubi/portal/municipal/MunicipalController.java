package org.musubi.portal.municipal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.musubi.audit.Purpose;
import org.musubi.carenet.municipal.DocumentKind;
import org.musubi.carenet.municipal.FormAnswers;
import org.musubi.carenet.municipal.MunicipalDocuments;
import org.musubi.paging.PageRequest;
import org.musubi.policy.PersonAccess;
import org.musubi.record.Reader;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.registry.Users;
import org.musubi.security.SignedIn;
import org.musubi.web.servlet.UntrustedContent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The pages of the 主治医意見書 and the 退院時情報共有 sheet: the municipality's request form and outbox, the doctor's
 * inbox and a document's page (the request, the form to fill, the upload of a signed PDF, declining; the received
 * opinion and its PDF), the hospital's sheet composer and outbox and the care manager's inbox. Sending a request, the
 * opinion (filled in or as a signed PDF) or a sheet, and declining a request, cannot be undone: each asks once (only a
 * POST with {@code confirmed=yes} acts; without it the page comes back with the question open and what was typed).
 * Thin: every read and write goes through {@link MunicipalDocuments}, which applies the access policy and writes the
 * one audit row; a composer's page opens the person through the policy (one audit row). Anything refused, and anything
 * absent, gets the viewer's 404 ({@code portal/denied}).
 */
@Controller
class MunicipalController {

    private final MunicipalDocuments documents;
    private final DocumentPdf printer;
    private final PersonAccess access;
    private final Users users;
    private final Facilities facilities;

    MunicipalController(MunicipalDocuments documents, DocumentPdf printer, PersonAccess access, Users users,
                        Facilities facilities) {
        this.documents = documents;
        this.printer = printer;
        this.access = access;
        this.users = users;
        this.facilities = facilities;
    }

    // ---- the municipality: request form and outbox ----

    @GetMapping("/portal/patients/{personId}/opinion-requests/new")
    String requestForm(@AuthenticationPrincipal SignedIn me, @PathVariable long personId,
                       @RequestParam(required = false) Long facility, Model model, HttpServletResponse response) {
        if (!holder(me, personId, Set.of(FacilityKind.MUNICIPALITY))) {
            return denied(response);
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
                return denied(response);
            }
            model.addAttribute("asked", true);
            model.addAttribute("chosen", doctor);
            return requestPage(model, personId, facility, typedRequest(due, application, insuredNumber, note),
                    List.of());
        }
        MunicipalDocuments.Outcome<UUID> made = documents.request(reader(me), new MunicipalDocuments.Request(personId,
                doctor == null ? -1 : doctor, due, application, insuredNumber, note));
        if (made.notFound()) {
            return denied(response);
        }
        if (!made.ok()) {
            response.setStatus(made.faults().contains(MunicipalDocuments.STANDBY) ? 503 : 422);
            return requestPage(model, personId, facility, typedRequest(due, application, insuredNumber, note),
                    made.faults());
        }
        return "redirect:/portal/municipal/documents/" + made.value() + "?requested";
    }

    @GetMapping("/portal/municipal/opinions")
    String outbox(@AuthenticationPrincipal SignedIn me, Model model) {
        return list(model, me, DocumentKind.OPINION, true, "municipal.outbox");
    }

    // ---- the doctor: inbox ----

    @GetMapping("/portal/municipal/opinions/inbox")
    String inbox(@AuthenticationPrincipal SignedIn me, Model model) {
        return list(model, me, DocumentKind.OPINION, false, "municipal.inbox");
    }

    // ---- a document's page and its actions ----

    @GetMapping("/portal/municipal/documents/{id}")
    String page(@AuthenticationPrincipal SignedIn me, @PathVariable String id, Locale locale, Model model,
                HttpServletResponse response) {
        return documentPage(me, uuid(id), locale, model, response, Map.of(), List.of(), List.of());
    }

    @PostMapping("/portal/municipal/documents/{id}/answer")
    String answer(@AuthenticationPrincipal SignedIn me, @PathVariable String id, HttpServletRequest request,
                  Locale locale, Model model, HttpServletResponse response) {
        Map<String, List<String>> fields = fields(request);
        if (!confirmed(request)) {
            return ask(me, id, "answer", fields, locale, model, response);
        }
        MunicipalDocuments.Outcome<UUID> done = documents.answer(reader(me), uuid(id), fields);
        if (done.notFound()) {
            return denied(response);
        }
        if (!done.ok()) {
            response.setStatus(done.faults().contains(MunicipalDocuments.STANDBY) ? 503 : 422);
            return documentPage(me, uuid(id), locale, model, response, fields, done.faults(), done.form());
        }
        return "redirect:/portal/municipal/documents/" + id + "?answered";
    }

    @PostMapping("/portal/municipal/documents/{id}/upload")
    String upload(@AuthenticationPrincipal SignedIn me, @PathVariable String id,
                  @RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String confirmed,
                  Locale locale, Model model, HttpServletResponse response) throws IOException {
        if (!"yes".equals(confirmed)) {
            return ask(me, id, "upload", Map.of(), locale, model, response);
        }
        MunicipalDocuments.Outcome<UUID> done;
        try (InputStream in = file == null ? InputStream.nullInputStream() : file.getInputStream()) {
            done = documents.upload(reader(me), uuid(id), file == null ? null : file.getContentType(), in);
        }
        if (done.notFound()) {
            return denied(response);
        }
        if (!done.ok()) {
            response.setStatus(done.faults().contains(MunicipalDocuments.STANDBY) ? 503 : 422);
            return documentPage(me, uuid(id), locale, model, response, Map.of(), done.faults(), List.of());
        }
        return "redirect:/portal/municipal/documents/" + id + "?answered";
    }

    @PostMapping("/portal/municipal/documents/{id}/decline")
    String decline(@AuthenticationPrincipal SignedIn me, @PathVariable String id,
                   @RequestParam(required = false) String reason, @RequestParam(required = false) String confirmed,
                   Locale locale, Model model, HttpServletResponse response) {
        if (!"yes".equals(confirmed)) {
            return ask(me, id, "decline", reason == null ? Map.of() : Map.of("reason", List.of(reason)), locale, model,
                    response);
        }
        MunicipalDocuments.Outcome<UUID> done = documents.decline(reader(me), uuid(id), reason);
        if (done.notFound()) {
            return denied(response);
        }
        if (!done.ok()) {
            response.setStatus(done.faults().contains(MunicipalDocuments.STANDBY) ? 503 : 422);
            return documentPage(me, uuid(id), locale, model, response, Map.of(), done.faults(), List.of());
        }
        return "redirect:/portal/municipal/documents/" + id + "?declined";
    }

    @PostMapping("/portal/municipal/documents/{id}/complete")
    String complete(@AuthenticationPrincipal SignedIn me, @PathVariable String id, Locale locale, Model model,
                    HttpServletResponse response) {
        MunicipalDocuments.Outcome<UUID> done = documents.complete(reader(me), uuid(id));
        if (done.notFound()) {
            return denied(response);
        }
        if (!done.ok()) {
            response.setStatus(done.faults().contains(MunicipalDocuments.STANDBY) ? 503 : 422);
            return documentPage(me, uuid(id), locale, model, response, Map.of(), done.faults(), List.of());
        }
        return "redirect:/portal/municipal/documents/" + id + "?completed";
    }

    @GetMapping("/portal/municipal/documents/{id}/pdf")
    void pdf(@AuthenticationPrincipal SignedIn me, @PathVariable String id, HttpServletResponse response)
            throws IOException {
        Optional<byte[]> pdf = documents.printable(reader(me), uuid(id)).map(printer::pdf);
        if (pdf.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        UntrustedContent.inlineIfSafe(response, "application/pdf", "municipal-" + id);
        response.getOutputStream().write(pdf.get());
    }

    // ---- the hospital's discharge sheet and the care manager's inbox ----

    @GetMapping("/portal/patients/{personId}/discharge-sheets/new")
    String sheetForm(@AuthenticationPrincipal SignedIn me, @PathVariable long personId,
                     @RequestParam(required = false) Long facility, Locale locale, Model model,
                     HttpServletResponse response) {
        if (!holder(me, personId, Set.of(FacilityKind.HOSPITAL, FacilityKind.CLINIC))) {
            return denied(response);
        }
        return sheetPage(model, personId, facility, locale, Map.of(), List.of(), List.of());
    }

    @PostMapping("/portal/patients/{personId}/discharge-sheets")
    String sendSheet(@AuthenticationPrincipal SignedIn me, @PathVariable long personId,
                     @RequestParam(required = false) Long careManager, @RequestParam(required = false) Long facility,
                     HttpServletRequest request, Locale locale, Model model, HttpServletResponse response) {
        Map<String, List<String>> fields = fields(request);
        if (!confirmed(request)) {
            // a sheet sent cannot be taken back (issue 67): nothing is sent; the composer, for a holder of the
            // person's record (its own check and audit row), opens the question with what was typed
            if (!holder(me, personId, Set.of(FacilityKind.HOSPITAL, FacilityKind.CLINIC))) {
                return denied(response);
            }
            model.addAttribute("asked", true);
            model.addAttribute("chosen", careManager);
            return sheetPage(model, personId, facility, locale, fields, List.of(), List.of());
        }
        MunicipalDocuments.Outcome<UUID> sent = documents.sendSheet(reader(me), personId,
                careManager == null ? -1 : careManager, fields);
        if (sent.faults().contains(MunicipalDocuments.NOT_OUR_PATIENT)) {
            return denied(response);
        }
        if (!sent.ok()) {
            response.setStatus(sent.faults().contains(MunicipalDocuments.STANDBY) ? 503 : 422);
            return sheetPage(model, personId, facility, locale, fields, sent.faults(), sent.form());
        }
        return "redirect:/portal/municipal/documents/" + sent.value() + "?sent";
    }

    @GetMapping("/portal/municipal/sheets")
    String sheetsSent(@AuthenticationPrincipal SignedIn me, Model model) {
        return list(model, me, DocumentKind.DISCHARGE_SHEET, true, "municipal.sheets.outbox");
    }

    @GetMapping("/portal/municipal/sheets/inbox")
    String sheetsInbox(@AuthenticationPrincipal SignedIn me, Model model) {
        return list(model, me, DocumentKind.DISCHARGE_SHEET, false, "municipal.sheets.inbox");
    }

    // ---- helpers ----

    /**
     * A send or a decline not yet confirmed (issue 67: each asks once, for neither can be undone): nothing changes;
     * the document's page, read through the same door as the page itself (404 for a document the user may not see,
     * one audit row), opens the act's question with what was typed still in the form.
     */
    private String ask(SignedIn me, String id, String act, Map<String, List<String>> typed, Locale locale, Model model,
                       HttpServletResponse response) {
        model.addAttribute("asked", act);
        return documentPage(me, uuid(id), locale, model, response, typed, List.of(), List.of());
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

    private static boolean confirmed(HttpServletRequest request) {
        return "yes".equals(request.getParameter("confirmed"));
    }

    private String list(Model model, SignedIn me, DocumentKind kind, boolean sent, String titleKey) {
        model.addAttribute("rows", documents.list(reader(me), kind, sent));
        model.addAttribute("titleKey", titleKey);
        model.addAttribute("sent", sent);
        model.addAttribute("kind", kind.name());
        model.addAttribute("now", java.time.Instant.now());
        return "portal/municipal/list";
    }

    private String documentPage(SignedIn me, UUID id, Locale locale, Model model, HttpServletResponse response,
                                Map<String, List<String>> typed, List<String> faults,
                                List<org.musubi.pathway.FormFault> formFaults) {
        Optional<MunicipalDocuments.Opened> opened = documents.open(reader(me), id, locale);
        if (opened.isEmpty()) {
            return denied(response);
        }
        MunicipalDocuments.Opened o = opened.get();
        model.addAttribute("o", o);
        model.addAttribute("d", o.document());
        model.addAttribute("overdue", o.document().overdue(java.time.Instant.now()));
        model.addAttribute("groups", FormAnswers.layout(DocumentKind.OPINION.form(), locale));
        model.addAttribute("typed", typed);
        model.addAttribute("faults", faults);
        model.addAttribute("formFaults", formFaults);
        model.addAttribute("canPrint", printer.canPrint());
        return "portal/municipal/document";
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

    /** The form's fields as sent (the CSRF token and the page's own parameters left out). */
    private static Map<String, List<String>> fields(HttpServletRequest request) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!name.startsWith("_") && !Set.of("careManager", "facility", "doctor", "confirmed").contains(name)) {
                fields.put(name, List.of(values));
            }
        });
        return fields;
    }

    static Reader reader(SignedIn me) {
        return new Reader(me.userId(), me.facilityId());
    }

    static String denied(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return "portal/denied";
    }

    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
