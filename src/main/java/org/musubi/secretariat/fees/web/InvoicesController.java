package org.musubi.secretariat.fees.web;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.musubi.print.PdfPrinter;
import org.musubi.registry.FieldFault;
import org.musubi.registry.NotPermitted;
import org.musubi.secretariat.fees.Invoice;
import org.musubi.secretariat.fees.InvoiceCsv;
import org.musubi.secretariat.fees.InvoiceLine;
import org.musubi.secretariat.fees.InvoicePdf;
import org.musubi.secretariat.fees.InvoiceStore;
import org.musubi.secretariat.fees.Invoices;
import org.musubi.secretariat.fees.MonthlyRun;
import org.musubi.security.SignedIn;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/invoices}: the month's run (what it would issue, the differences to decide, the free facilities), the
 * list filtered by month and status with its CSV, an invoice with its PDF, its paid mark and its correction. An
 * invoice that does not exist answers 404.
 */
@Controller
class InvoicesController {

    private final Invoices invoices;
    private final MonthlyRun run;
    private final InvoicePdf pdf;

    InvoicesController(Invoices invoices, MonthlyRun run, InvoicePdf pdf) {
        this.invoices = invoices;
        this.run = run;
        this.pdf = pdf;
    }

    @GetMapping("/admin/invoices")
    String list(@RequestParam(required = false) String month, @RequestParam(required = false) String status,
                Model model) {
        Optional<YearMonth> chosen = month(month);
        InvoiceStore.Filter filter = filter(status);
        model.addAttribute("month", chosen.map(YearMonth::toString).orElse(""));
        model.addAttribute("status", filter);
        model.addAttribute("filters", InvoiceStore.Filter.values());
        model.addAttribute("invoices", invoices.list(chosen, filter));
        YearMonth runMonth = chosen.orElse(YearMonth.from(LocalDate.now(Invoices.JAPAN)).minusMonths(1));
        model.addAttribute("runMonth", runMonth);
        model.addAttribute("plan", run.preview(runMonth));
        return "admin/invoices";
    }

    @PostMapping("/admin/invoices/run")
    String run(@AuthenticationPrincipal SignedIn user, @RequestParam String month, RedirectAttributes redirect) {
        YearMonth chosen = month(month).orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST));
        try {
            MonthlyRun.Report report = run.run(FeesController.admin(user), chosen, LocalDate.now(Invoices.JAPAN));
            redirect.addFlashAttribute("ranIssued", report.issued().size());
            redirect.addFlashAttribute("ranKept", report.kept().size());
            redirect.addFlashAttribute("ranDifferences", report.differences().size());
            redirect.addFlashAttribute("ranFree", report.free().size());
        } catch (MonthlyRun.NoSettings e) {
            redirect.addFlashAttribute("done", "noSettings");
        }
        return "redirect:/admin/invoices?month=" + chosen;
    }

    @GetMapping("/admin/invoices.csv")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String month, @RequestParam(required = false) String status) {
        Optional<YearMonth> chosen = month(month);
        byte[] body = InvoiceCsv.write(invoices.list(chosen, filter(status))).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("invoices-" + chosen.map(YearMonth::toString).orElse("all") + ".csv").build().toString())
                .body(body);
    }

    @GetMapping("/admin/invoices/{id}")
    String show(@PathVariable long id, @RequestParam(required = false) Boolean recompute, Model model) {
        Invoice invoice = found(id);
        model.addAttribute("invoice", invoice);
        model.addAttribute("totals", invoice.totals());
        List<InvoiceLine> proposed = invoice.lines();
        if (Boolean.TRUE.equals(recompute)) {
            proposed = run.preview(invoice.month()).differences().stream()
                    .filter(d -> d.invoice().id() == id).findFirst().map(MonthlyRun.Difference::now).orElse(proposed);
            model.addAttribute("recomputed", true);
        }
        model.addAttribute("proposed", padded(proposed));
        model.addAttribute("today", LocalDate.now(Invoices.JAPAN));
        model.addAttribute("canPrint", pdf.canPrint());
        return "admin/invoice";
    }

    @GetMapping("/admin/invoices/{id}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        Invoice invoice = found(id);
        if (!pdf.canPrint()) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.TEXT_PLAIN)
                    .body(PdfPrinter.NO_FONT_MESSAGE.getBytes(StandardCharsets.UTF_8));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("invoice-" + invoice.number() + ".pdf").build().toString())
                .body(pdf.pdf(invoice));
    }

    @PostMapping("/admin/invoices/{id}/paid")
    String paid(@AuthenticationPrincipal SignedIn user, @PathVariable long id,
                @RequestParam(required = false) String paidOn, RedirectAttributes redirect) {
        found(id);
        Optional<LocalDate> day;
        try {
            day = paidOn == null || paidOn.isBlank() ? Optional.empty() : Optional.of(LocalDate.parse(paidOn.strip()));
        } catch (DateTimeParseException e) {
            redirect.addFlashAttribute("done", "badDate");
            return "redirect:/admin/invoices/" + id;
        }
        invoices.markPaid(FeesController.admin(user), id, day);
        redirect.addFlashAttribute("done", day.isPresent() ? "paid" : "unpaid");
        return "redirect:/admin/invoices/" + id;
    }

    @PostMapping("/admin/invoices/{id}/correct")
    String correct(@AuthenticationPrincipal SignedIn user, @PathVariable long id,
                   @RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect,
                   HttpServletResponse response) {
        Invoice invoice = found(id);
        List<FieldFault> faults = new ArrayList<>();
        List<InvoiceLine> lines = CorrectionForm.lines(form, faults);
        String reason = Optional.ofNullable(form.getFirst("reason")).map(String::strip).orElse("");
        if (reason.isEmpty() || reason.length() > Invoices.MAX_REASON) {
            faults.add(FieldFault.of("reason", "fees.fault.reason", Invoices.MAX_REASON));
        }
        if (invoice.status() != Invoice.Status.ISSUED) {
            return correctedMeanwhile(invoice, form, reason, model, response);
        }
        if (!faults.isEmpty()) {
            return refused(invoice, form, reason, faults, model);
        }
        try {
            Invoice made = invoices.correct(FeesController.admin(user), id, lines, reason);
            redirect.addFlashAttribute("done", "corrected");
            return "redirect:/admin/invoices/" + made.id();
        } catch (MonthlyRun.NoSettings e) {
            redirect.addFlashAttribute("done", "noSettings");
            return "redirect:/admin/invoices/" + id;
        } catch (Invoices.NotInForce replacedMeanwhile) {
            return correctedMeanwhile(found(id), form, reason, model, response);
        }
    }

    /**
     * A correction of an invoice another correction replaced first (409): nothing stored; the invoice now in force
     * is shown with this correction's lines and reason in its form, so that the person checks it and loses nothing.
     */
    private String correctedMeanwhile(Invoice replaced, MultiValueMap<String, String> form, String reason, Model model,
                                      HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_CONFLICT);
        Invoice now = replaced.replacedBy().flatMap(r -> invoices.find(r.id()))
                .filter(i -> i.status() == Invoice.Status.ISSUED).orElse(replaced);
        return refused(now, form, reason, List.of(FieldFault.of("reason", "fees.fault.replacedAlready",
                replaced.number(), now.number())), model);
    }

    /** The invoice's page again with the correction as typed and what refused it. */
    private String refused(Invoice invoice, MultiValueMap<String, String> form, String reason, List<FieldFault> faults,
                           Model model) {
        model.addAttribute("invoice", invoice);
        model.addAttribute("totals", invoice.totals());
        model.addAttribute("proposed", CorrectionForm.typed(form));
        model.addAttribute("reason", reason);
        model.addAttribute("faults", faults);
        model.addAttribute("today", LocalDate.now(Invoices.JAPAN));
        model.addAttribute("canPrint", pdf.canPrint());
        return "admin/invoice";
    }

    private Invoice found(long id) {
        return invoices.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static List<CorrectionForm.Row> padded(List<InvoiceLine> lines) {
        List<CorrectionForm.Row> rows = new ArrayList<>(lines.stream().map(CorrectionForm.Row::of).toList());
        rows.add(CorrectionForm.Row.empty());
        return rows;
    }

    private static Optional<YearMonth> month(String text) {
        try {
            return text == null || text.isBlank() ? Optional.empty() : Optional.of(YearMonth.parse(text.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static InvoiceStore.Filter filter(String text) {
        try {
            return text == null || text.isBlank() ? InvoiceStore.Filter.ALL : InvoiceStore.Filter.valueOf(text);
        } catch (IllegalArgumentException e) {
            return InvoiceStore.Filter.ALL;
        }
    }

    @ExceptionHandler(NotPermitted.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden() {
        return "error/403";
    }
}
