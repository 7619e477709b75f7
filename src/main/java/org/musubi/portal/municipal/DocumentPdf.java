package org.musubi.portal.municipal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.musubi.carenet.municipal.MunicipalDocuments;
import org.musubi.print.PdfPrinter;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * A filled 主治医意見書 or discharge sheet printed as an A4 PDF in Japanese (the paper form's language): the patient,
 * the author and both facilities, then the answers section by section (template {@code municipal/print.html}). Plain
 * rendering: the caller has read the document through the access policy and audited it.
 */
@Component
final class DocumentPdf {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private final ITemplateEngine templates;
    private final PdfPrinter pdf;

    DocumentPdf(ITemplateEngine templates, PdfPrinter pdf) {
        this.templates = templates;
        this.pdf = pdf;
    }

    /** Whether the server has a Japanese font to print with (otherwise {@link PdfPrinter.NoFont}). */
    boolean canPrint() {
        return pdf.font().isPresent();
    }

    /** The signed PDF as uploaded, else the filled form printed. */
    byte[] pdf(MunicipalDocuments.Printable p) {
        if (p.signedPdf() != null) {
            return p.signedPdf();
        }
        var d = p.document();
        Locale japanese = Locale.JAPANESE;
        String written = d.answeredAt() == null ? "" : DAY.format(d.answeredAt().atZone(ZoneId.of("Asia/Tokyo")));
        Map<String, Object> values = new java.util.HashMap<>();
        values.put("title", p.title());
        values.put("doc", d);
        values.put("written", written);
        values.put("toFacility", p.toFacility());
        values.put("fromFacility", p.fromFacility());
        values.put("sections", p.sections());
        values.put("font", PdfPrinter.FAMILY);
        return pdf.render(templates.process("municipal/print", new Context(japanese, values)));
    }
}
