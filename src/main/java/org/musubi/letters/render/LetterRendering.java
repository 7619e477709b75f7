package org.musubi.letters.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.musubi.letters.Letter;
import org.musubi.print.PdfPrinter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * A letter as its paper form: HTML for the viewer ({@link #html}) and an A4 PDF with the Japanese font embedded
 * ({@link #pdf}), both from the template fragment {@code letters/form :: letter} and the stylesheet
 * {@code /css/letter.css}. The PDF is printed with the one printer ({@link PdfPrinter}: the configured
 * font, openhtmltopdf) and is the same bytes every time for the same letter (dates and file identifier from
 * {@link Letter#issued()}), so that the signature made over it afterwards can be checked against a fresh rendering.
 * Plain Java: no database, no policy — the caller has read the letter through them.
 */
public final class LetterRendering {

    /** The stylesheet the viewer links ({@code <link rel="stylesheet" href="/css/letter.css">}) and the PDF inlines. */
    public static final String STYLESHEET = "/css/letter.css";
    private static final Locale PRINTED = Locale.JAPANESE;

    private final ITemplateEngine templates;
    private final PdfPrinter pdf;
    private final String css;

    public LetterRendering(ITemplateEngine templates, PdfPrinter pdf) {
        this.templates = templates;
        this.pdf = pdf;
        this.css = stylesheet();
    }

    /**
     * The letter's form as an HTML fragment ({@code <article class="letter">}) for a page that links
     * {@link #STYLESHEET}; every word of the letter escaped, labels in {@code locale}'s language.
     */
    public String html(Letter letter, Locale locale) {
        return templates.process("letters/view", new Context(locale, Map.of("view", LetterView.of(letter, locale))));
    }

    /** The printed form, in Japanese (the paper form's language): an A4 PDF, the same bytes for the same letter. */
    public byte[] pdf(Letter letter) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        pdf(letter, out);
        return out.toByteArray();
    }

    /** {@link #pdf(Letter)} into {@code out} (not closed). */
    public void pdf(Letter letter, OutputStream out) {
        pdf.render(xhtml(letter), letter.issued(), out);
    }

    /** Whether the server has the Japanese font to print with (otherwise {@link #pdf} throws {@link PdfPrinter.NoFont}). */
    public boolean canPrint() {
        return pdf.font().isPresent();
    }

    String xhtml(Letter letter) {
        return templates.process("letters/print", new Context(PRINTED, Map.of("view", LetterView.of(letter, PRINTED),
                "css", css, "font", PdfPrinter.FAMILY)));
    }

    private static String stylesheet() {
        try (InputStream in = LetterRendering.class.getResourceAsStream("/static" + STYLESHEET)) {
            if (in == null) {
                throw new IllegalStateException("the letters' stylesheet is missing: /static" + STYLESHEET);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
