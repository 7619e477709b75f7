package org.musubi.portal.municipal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.musubi.carenet.municipal.AnswerOpinion;
import org.musubi.carenet.municipal.CompleteOpinion;
import org.musubi.carenet.municipal.DeclineOpinion;
import org.musubi.carenet.municipal.DocumentKind;
import org.musubi.carenet.municipal.FormAnswers;
import org.musubi.carenet.municipal.MunicipalDocuments;
import org.musubi.carenet.municipal.OpenMunicipalDocument;
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
 * A document's page and its acts: the request, the form to fill, the upload of a signed PDF, declining; the received
 * opinion, and the municipality's completing it. Sending the opinion (filled in or as a signed PDF) and declining a
 * request cannot be undone: each asks once.
 */
@Controller
class MunicipalDocumentController {

    private final OpenMunicipalDocument opening;
    private final AnswerOpinion answers;
    private final DeclineOpinion declines;
    private final CompleteOpinion completions;
    private final DocumentPdf printer;

    MunicipalDocumentController(OpenMunicipalDocument opening, AnswerOpinion answers, DeclineOpinion declines,
                                CompleteOpinion completions, DocumentPdf printer) {
        this.opening = opening;
        this.answers = answers;
        this.declines = declines;
        this.completions = completions;
        this.printer = printer;
    }

    @GetMapping("/portal/municipal/documents/{id}")
    String page(@AuthenticationPrincipal SignedIn me, @PathVariable String id, Locale locale, Model model,
                HttpServletResponse response) {
        return documentPage(me, MunicipalController.uuid(id), locale, model, response, Map.of(), List.of(), List.of());
    }

    @PostMapping("/portal/municipal/documents/{id}/answer")
    String answer(@AuthenticationPrincipal SignedIn me, @PathVariable String id, HttpServletRequest request,
                  Locale locale, Model model, HttpServletResponse response) {
        Map<String, List<String>> fields = MunicipalController.fields(request);
        if (!MunicipalController.confirmed(request)) {
            return ask(me, id, "answer", fields, locale, model, response);
        }
        MunicipalDocuments.Outcome<UUID> done = answers.answer(MunicipalController.reader(me), MunicipalController.uuid(id), fields);
        if (done.notFound()) {
            return MunicipalController.denied(response);
        }
        if (!done.ok()) {
            response.setStatus(done.faults().contains(MunicipalDocuments.STANDBY) ? 503 : 422);
            return documentPage(me, MunicipalController.uuid(id), locale, model, response, fields, done.faults(), done.form());
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
            done = answers.upload(MunicipalController.reader(me), MunicipalController.uuid(id), file == null ? null : file.getContentType(), in);
        }
        if (done.notFound()) {
            return MunicipalController.denied(response);
        }
        if (!done.ok()) {
            response.setStatus(done.faults().contains(MunicipalDocuments.STANDBY) ? 503 : 422);
            return documentPage(me, MunicipalController.uuid(id), locale, model, response, Map.of(), done.faults(), List.of());
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
        MunicipalDocuments.Outcome<UUID> done = declines.decline(MunicipalController.reader(me), MunicipalController.uuid(id), reason);
        if (done.notFound()) {
            return MunicipalController.denied(response);
        }
        if (!done.ok()) {
            response.setStatus(done.faults().contains(MunicipalDocuments.STANDBY) ? 503 : 422);
            return documentPage(me, MunicipalController.uuid(id), locale, model, response, Map.of(), done.faults(), List.of());
        }
        return "redirect:/portal/municipal/documents/" + id + "?declined";
    }

    @PostMapping("/portal/municipal/documents/{id}/complete")
    String complete(@AuthenticationPrincipal SignedIn me, @PathVariable String id, Locale locale, Model model,
                    HttpServletResponse response) {
        MunicipalDocuments.Outcome<UUID> done = completions.complete(MunicipalController.reader(me), MunicipalController.uuid(id));
        if (done.notFound()) {
            return MunicipalController.denied(response);
        }
        if (!done.ok()) {
            response.setStatus(done.faults().contains(MunicipalDocuments.STANDBY) ? 503 : 422);
            return documentPage(me, MunicipalController.uuid(id), locale, model, response, Map.of(), done.faults(), List.of());
        }
        return "redirect:/portal/municipal/documents/" + id + "?completed";
    }

    /**
     * A send or a decline not yet confirmed (issue 67: each asks once, for neither can be undone): nothing changes;
     * the document's page, read through the same door as the page itself (404 for a document the user may not see,
     * one audit row), opens the act's question with what was typed still in the form.
     */
    private String ask(SignedIn me, String id, String act, Map<String, List<String>> typed, Locale locale, Model model,
                       HttpServletResponse response) {
        model.addAttribute("asked", act);
        return documentPage(me, MunicipalController.uuid(id), locale, model, response, typed, List.of(), List.of());
    }

    private String documentPage(SignedIn me, UUID id, Locale locale, Model model, HttpServletResponse response,
                                Map<String, List<String>> typed, List<String> faults,
                                List<org.musubi.pathway.FormFault> formFaults) {
        Optional<MunicipalDocuments.Opened> opened = opening.open(MunicipalController.reader(me), id, locale);
        if (opened.isEmpty()) {
            return MunicipalController.denied(response);
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
}
