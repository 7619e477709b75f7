package org.musubi.portal.chart;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.musubi.audit.Purpose;
import org.musubi.identity.FindPerson;
import org.musubi.medication.fhir.Medications;
import org.musubi.print.PdfPrinter;
import org.musubi.security.SignedIn;
import org.musubi.web.QrSvg;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The one-page summary to print when devices fail (災害モード): from the emergency view of a person, an A4 PDF with the
 * name, birth date, sex, regional ID and its QR code ({@link FindPerson#SHEET_QR_PREFIX}, as the 命の宝箱 print), allergies,
 * current medicines, active problems, and the emergency sheet's contacts and wishes. One audited read for purpose
 * EMERGENCY (the chart's, with the sheet), so only what the open emergency access shows is printed; a person the user
 * may not see is the viewer's 404. Printed with the one printer ({@link PdfPrinter}).
 */
@Controller
class EmergencySummaryController {

    private final PatientChart chart;
    private final PdfPrinter pdf;
    private final ITemplateEngine templates;

    EmergencySummaryController(PatientChart chart, PdfPrinter pdf, ITemplateEngine templates) {
        this.chart = chart;
        this.pdf = pdf;
        this.templates = templates;
    }

    @GetMapping("/portal/patients/{personId}/emergency-summary.pdf")
    ResponseEntity<?> summary(@AuthenticationPrincipal SignedIn me, @PathVariable long personId) {
        if (pdf.font().isEmpty()) {
            return ResponseEntity.status(503).contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                    .body(PdfPrinter.NO_FONT_MESSAGE);
        }
        PatientChart.Opened opened = chart.open(me, personId, Purpose.EMERGENCY, "emergency-summary",
                outline -> List.of());
        if (!(opened instanceof PatientChart.Chart shown)) {
            return ResponseEntity.status(404).contentType(MediaType.TEXT_PLAIN).body("Not found");
        }
        LocalDate today = LocalDate.now(ChartEntry.JAPAN);
        Map<String, Object> variables = new HashMap<>();
        variables.put("header", shown.header());
        variables.put("person", shown.header().person());
        variables.put("medicines", shown.medications().current());
        variables.put("reportedMedicines", shown.reported().medicines());
        variables.put("sheet", shown.reported().sheet().map(v -> v.sheet()).orElse(null));
        variables.put("printedAt", ZonedDateTime.now(ChartEntry.JAPAN));
        variables.put("qr", "data:image/png;base64," + Base64.getEncoder().encodeToString(
                QrSvg.png(FindPerson.SHEET_QR_PREFIX + shown.header().person().regionalId(), 4)));
        variables.put("font", PdfPrinter.FAMILY);
        String xhtml = templates.process("print/summary", new Context(LocaleContextHolder.getLocale(), variables));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("emergency-summary.pdf").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(pdf.render(xhtml));
    }
}
