package org.musubi.phr.sheet.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.musubi.blob.BlobStore;
import org.musubi.identity.FindPerson;
import org.musubi.phr.sheet.EmergencySheet;
import org.musubi.phr.sheet.EmergencySheets;
import org.musubi.print.PdfPrinter;
import org.musubi.web.QrSvg;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The printed emergency sheet (A4 PDF): the sheet's current version, the person's name and birth date, and a QR code
 * of their regional ID ({@link #QR_PREFIX}) that an ambulance crew's phone reads; one audited read. Without a Japanese
 * font on the server, 503 with the reason, rather than a sheet of empty boxes.
 */
@Component
public class SheetPrinting {

    /** What the printed sheet's QR code holds before the 16-digit regional ID. */
    public static final String QR_PREFIX = FindPerson.SHEET_QR_PREFIX;
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private final EmergencySheets sheets;
    private final PdfPrinter pdf;
    private final ITemplateEngine templates;
    private final BlobStore blobs;

    SheetPrinting(EmergencySheets sheets, PdfPrinter pdf, ITemplateEngine templates, BlobStore blobs) {
        this.sheets = sheets;
        this.pdf = pdf;
        this.templates = templates;
        this.blobs = blobs;
    }

    /** A photo as the printed sheet embeds it. */
    public record Printed(String dataUri, String caption) {
    }

    /** The PDF for {@code author}'s view of the person's sheet; 404 when refused. */
    public ResponseEntity<?> pdf(EmergencySheets.Author author, long personId, HttpServletResponse response) {
        if (pdf.font().isEmpty()) {
            return ResponseEntity.status(503).contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                    .body(PdfPrinter.NO_FONT_MESSAGE);
        }
        Optional<EmergencySheets.Opened> opened = sheets.open(author, personId);
        if (opened.isEmpty()) {
            return ResponseEntity.status(HttpServletResponse.SC_NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
                    .body("Not found");
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("person", opened.get().person());
        variables.put("current", opened.get().current().orElse(null));
        variables.put("printedOn", LocalDate.now(JAPAN));
        variables.put("qr", "data:image/png;base64," + Base64.getEncoder().encodeToString(
                QrSvg.png(QR_PREFIX + opened.get().person().regionalId(), 4)));
        variables.put("font", PdfPrinter.FAMILY);
        variables.put("photos", opened.get().current().map(v -> v.sheet().photos()).orElse(List.of()).stream()
                .map(this::printed).flatMap(Optional::stream).toList());
        String xhtml = templates.process("print/sheet", new Context(LocaleContextHolder.getLocale(), variables));
        byte[] bytes = pdf.render(xhtml);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("emergency-sheet.pdf").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(bytes);
    }

    private Optional<Printed> printed(EmergencySheet.Photo photo) {
        try {
            Optional<InputStream> in = blobs.open(photo.sha256());
            if (in.isEmpty()) {
                return Optional.empty();
            }
            try (InputStream content = in.get()) {
                return Optional.of(new Printed("data:" + photo.mediaType() + ";base64,"
                        + Base64.getEncoder().encodeToString(content.readAllBytes()), photo.caption()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
