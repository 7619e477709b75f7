package org.musubi.secretariat.fees;

import java.io.ByteArrayOutputStream;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Map;
import org.musubi.print.PdfPrinter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * An invoice as its A4 PDF, in Japanese (the paper's language), with the same Japanese font the letters and the
 * emergency sheet embed ({@link PdfPrinter}): the items of a 適格請求書 — the issuer's name and 登録番号, the issue date,
 * what was delivered and when (the lines of the invoiced month), the totals per tax rate, the tax per rate, the
 * addressee's name — and, for a correction, the invoice it replaces and why; a replaced invoice is stamped so. The
 * same bytes every time for the same invoice (dated by its issue date) but for the replaced stamp.
 */
public final class InvoicePdf {

    private final ITemplateEngine templates;
    private final PdfPrinter pdf;

    public InvoicePdf(ITemplateEngine templates, PdfPrinter pdf) {
        this.templates = templates;
        this.pdf = pdf;
    }

    /** Whether the server has the Japanese font ({@link PdfPrinter.NoFont} otherwise). */
    public boolean canPrint() {
        return pdf.font().isPresent();
    }

    public byte[] pdf(Invoice invoice) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        pdf.render(xhtml(invoice), invoice.issuedOn().atTime(LocalTime.NOON).atZone(Invoices.JAPAN).toInstant(), out);
        return out.toByteArray();
    }

    String xhtml(Invoice invoice) {
        return templates.process("fees/invoice-print", new Context(Locale.JAPANESE, Map.of("invoice", invoice,
                "totals", invoice.totals(), "font", PdfPrinter.FAMILY)));
    }
}
