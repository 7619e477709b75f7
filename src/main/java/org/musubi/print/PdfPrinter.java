package org.musubi.print;

import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Every printed page of Musubi (the emergency sheet, the clinicians' one-page emergency summary, letters, municipal
 * documents, invoices, the board report): XHTML (the page's template, laid out for A4 by its CSS) rendered to PDF with
 * a Japanese TrueType font embedded (subset), so that it prints the same anywhere. Without such a font installed the
 * page cannot be printed ({@link NoFont}), rather than printed as empty boxes.
 */
public final class PdfPrinter {

    /** The font family name the template's CSS uses. */
    public static final String FAMILY = "MusubiJapanese";
    /** The producer a reproducible PDF names ({@link #render(String, Instant, OutputStream)}). */
    public static final String PRODUCER = "Musubi";
    /** Said (503) instead of a printed page when the server has no Japanese font. */
    public static final String NO_FONT_MESSAGE = "印刷用の日本語フォントがサーバーにありません（管理者へ: fonts-ipaexfont-gothic を導入してください）。"
            + " / The server has no Japanese font to print with (administrator: install fonts-ipaexfont-gothic).";
    private final List<String> fonts;

    public PdfPrinter(List<String> fonts) {
        this.fonts = List.copyOf(fonts);
    }

    /** No configured font exists on this machine. */
    public static final class NoFont extends RuntimeException {
        NoFont(List<String> tried) {
            super("no Japanese font for the printed emergency sheet; tried " + tried);
        }
    }

    /** The font used, if one exists. */
    public Optional<File> font() {
        return fonts.stream().map(File::new).filter(File::canRead).findFirst();
    }

    /** The PDF of {@code xhtml} (well-formed; images as data URIs). */
    public byte[] render(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = builder(xhtml);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * The PDF of {@code xhtml} into {@code out}, the same bytes every time for the same page and moment: its creation
     * and modification dates are {@code at}, its producer {@link #PRODUCER}, and the file identifier of its trailer is
     * made from them (PDFBox's document id) instead of the clock, so that a document signed afterwards (PAdES, an
     * incremental update) can be made again byte for byte.
     */
    public void render(String xhtml, Instant at, OutputStream out) {
        Calendar moment = GregorianCalendar.from(at.atZone(ZoneOffset.UTC));
        try (PdfBoxRenderer renderer = builder(xhtml).withProducer(PRODUCER).buildPdfRenderer()) {
            renderer.createPDFWithoutClosing();
            PDDocument document = renderer.getPdfDocument();
            document.getDocumentInformation().setCreationDate(moment);
            document.getDocumentInformation().setModificationDate(moment);
            document.setDocumentId(at.toEpochMilli());
            document.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PdfRendererBuilder builder(String xhtml) {
        File font = font().orElseThrow(() -> new NoFont(fonts));
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.useFont(font, FAMILY);
        builder.withHtmlContent(xhtml, null);
        return builder;
    }
}
