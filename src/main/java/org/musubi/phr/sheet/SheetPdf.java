package org.musubi.phr.sheet;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The printable emergency sheet: XHTML (the page's template, laid out for A4 by its CSS) rendered to PDF with a
 * Japanese TrueType font embedded (subset), so that it prints the same anywhere. Without such a font installed the
 * sheet cannot be printed ({@link NoFont}), rather than printed as empty boxes.
 */
public final class SheetPdf {

    /** The font family name the template's CSS uses. */
    public static final String FAMILY = "MusubiJapanese";
    private final List<String> fonts;

    public SheetPdf(List<String> fonts) {
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
        File font = font().orElseThrow(() -> new NoFont(fonts));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(font, FAMILY);
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
