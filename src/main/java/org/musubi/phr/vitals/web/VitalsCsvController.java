package org.musubi.phr.vitals.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.musubi.phr.vitals.ReadVitals;
import org.musubi.phr.vitals.RecordVitals;
import org.musubi.phr.vitals.VitalsCsv;
import org.musubi.security.SignedIn;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The resident's own vital signs as a CSV file ({@link VitalsCsv}): download what they recorded (one audited export),
 * and import a file of the same form (the good rows recorded as one audited save; the others named by line and field).
 */
@Controller
class VitalsCsvController {

    /** The largest file an import reads (about 20,000 rows). */
    static final int MOST_BYTES = 1024 * 1024;
    private final ReadVitals read;
    private final RecordVitals record;
    private final Residency residency;

    VitalsCsvController(ReadVitals read, RecordVitals record, Residency residency) {
        this.read = read;
        this.record = record;
        this.residency = residency;
    }

    @GetMapping("/phr/vitals.csv")
    ResponseEntity<byte[]> export(@AuthenticationPrincipal SignedIn me) {
        return read.own(me.userId(), residency.personOf(me), residency.ownFacilityId())
                .map(readings -> ResponseEntity.ok()
                        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                                .filename("vitals.csv").build().toString())
                        .header(HttpHeaders.CACHE_CONTROL, "no-store")
                        .body(VitalsCsv.write(readings).getBytes(StandardCharsets.UTF_8)))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @PostMapping("/phr/vitals/import")
    String importFile(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) MultipartFile file,
                      Model model, HttpServletResponse response) throws IOException {
        model.addAttribute("resident", me);
        String text = file == null ? null : text(file);
        if (text == null) {
            model.addAttribute("problem", file != null && file.getSize() > MOST_BYTES
                    ? "phr.vitals.importTooLarge" : "phr.vitals.unreadable");
            return "phr/vitals-import";
        }
        VitalsCsv.Parsed parsed = VitalsCsv.read(text, Instant.now());
        model.addAttribute("parsed", parsed);
        if (!parsed.entries().isEmpty()) {
            var saved = record.save(me.userId(), residency.personOf(me), parsed.entries());
            if (saved.isEmpty()) {
                response.setStatus(HttpServletResponse.SC_NOT_FOUND);
                return "error";
            }
            model.addAttribute("changed", saved.get().changed().stream()
                    .filter(ref -> ref.startsWith("Observation/")).count());
        }
        return "phr/vitals-import";
    }

    /** The file as UTF-8 text; null when it is too large, empty or not UTF-8. */
    private static String text(MultipartFile file) throws IOException {
        if (file.isEmpty() || file.getSize() > MOST_BYTES) {
            return null;
        }
        byte[] bytes;
        try (InputStream in = file.getInputStream()) {
            bytes = in.readNBytes(MOST_BYTES + 1);
        }
        if (bytes.length > MOST_BYTES) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
