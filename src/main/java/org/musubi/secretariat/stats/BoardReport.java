package org.musubi.secretariat.stats;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.musubi.print.PdfPrinter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The one-page report for the board (理事会): the dashboard's figures as A4 tables in Japanese with bars drawn by CSS
 * (template {@code secretariat/statistics-report.html}), rendered by openhtmltopdf with the server's Japanese font
 * ({@link PdfPrinter}); the per-municipality figures suppressed as on the page, at most {@value #MUNICIPALITIES}
 * municipalities (the largest populations) so that it stays one page.
 */
public final class BoardReport {

    /** Municipalities the report lists at most (the CSV has all). */
    public static final int MUNICIPALITIES = 12;
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy年M月d日 H:mm");

    private final ITemplateEngine templates;
    private final PdfPrinter pdf;

    public BoardReport(ITemplateEngine templates, PdfPrinter pdf) {
        this.templates = templates;
        this.pdf = pdf;
    }

    /** Whether the server has a Japanese font (otherwise {@link PdfPrinter.NoFont}). */
    public boolean canPrint() {
        return pdf.font().isPresent();
    }

    public byte[] pdf(Figures.Dashboard d, String network) {
        Map<String, Object> values = new HashMap<>();
        values.put("d", d);
        values.put("network", network);
        values.put("font", PdfPrinter.FAMILY);
        values.put("computedAt", d.rollup().map(r -> AT.format(r.computedAt().atZone(Months.JAPAN))).orElse("—"));
        values.put("printedAt", AT.format(java.time.ZonedDateTime.now(Months.JAPAN)));
        values.put("municipalities", d.residents().stream()
                .sorted(java.util.Comparator.comparingLong(Figures.Residents::population).reversed())
                .limit(MUNICIPALITIES).toList());
        values.put("cardMax", Math.max(1, d.cards().stream().mapToLong(Figures.CardMonth::total).max().orElse(1)));
        values.put("kinds", StatisticsCsv.kinds());
        return pdf.render(templates.process("secretariat/statistics-report", new Context(Locale.JAPANESE, values)));
    }
}
