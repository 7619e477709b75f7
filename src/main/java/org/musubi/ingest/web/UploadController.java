package org.musubi.ingest.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import org.musubi.ingest.ImportBatch;
import org.musubi.ingest.ImportKind;
import org.musubi.ingest.ImportSources;
import org.musubi.ingest.IngestProperties;
import org.musubi.ingest.ledger.ImportLedger;
import org.musubi.security.SignedIn;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Uploads by facility systems with their OAuth2 client ({@code system/*.write}): a JAHIS file, a lab
 * file (HL7 v2 or CSV), a 特定健診 XML file or ZIP (kept zipped: the checkup reader reads it entry by entry, within its
 * own limits) or a zipped SS-MIX2 delta (the storage's relative paths), as the request body
 * or as multipart parts, streamed to disk and size-limited (413). Imported into the facility's upload
 * source of that kind at once; the answer is the batch with its counters and the problems found.
 * Resumable uploads of the same files are {@link ResumableImportController}'s.
 */
@RestController
class UploadController {

    private final UploadImports imports;
    private final UploadAnswers answers;
    private final ImportLedger ledger;
    private final ImportSources sources;
    private final IngestProperties properties;

    UploadController(UploadImports imports, UploadAnswers answers, ImportLedger ledger, ImportSources sources,
                     IngestProperties properties) {
        this.imports = imports;
        this.answers = answers;
        this.ledger = ledger;
        this.sources = sources;
        this.properties = properties;
    }

    @PostMapping("/import/{kind}")
    ResponseEntity<Map<String, Object>> upload(@PathVariable String kind, @RequestParam(required = false) String name,
                                               HttpServletRequest request, Authentication authentication) throws Exception {
        SignedIn caller = (SignedIn) authentication.getPrincipal();
        ImportKind importKind = UploadImports.KINDS.get(kind);
        if (importKind == null) {
            return UploadErrors.unknownKind(kind);
        }
        if (!UploadErrors.mayWrite(authentication)) {
            return UploadErrors.mayNotWrite();
        }
        if (request.getContentLengthLong() > properties.uploadMaxSize().toBytes()) {
            return UploadErrors.tooLarge(properties.uploadMaxSize().toBytes());
        }
        if (imports.lacksInstitutionCode(caller.facilityId())) {
            return UploadErrors.noInstitutionCode();
        }
        try (UploadSpool spool = imports.spool()) {
            receive(request, name, importKind, spool);
            ImportBatch batch = imports.run(caller, kind, spool);
            return ResponseEntity.ok(answers.body(batch));
        } catch (UploadSpool.TooLarge e) {
            return UploadErrors.tooLarge(properties.uploadMaxSize().toBytes());
        } catch (UploadSpool.BadArchive e) {
            return UploadErrors.badArchive(e);
        }
    }

    /** A batch of the caller's facility: its state and problems (without raw input). */
    @GetMapping("/import/batches/{id}")
    ResponseEntity<Map<String, Object>> batch(@PathVariable long id, Authentication authentication) {
        SignedIn caller = (SignedIn) authentication.getPrincipal();
        return ledger.batch(id).filter(b -> sources.find(b.sourceId()).map(s -> s.facilityId() == caller.facilityId())
                        .orElse(false))
                .map(b -> ResponseEntity.ok(answers.body(b)))
                .orElseGet(() -> UploadErrors.of(HttpStatus.NOT_FOUND, "not-found",
                        "バッチが見つかりません / No such batch of your facility: " + id));
    }

    private static void receive(HttpServletRequest request, String name, ImportKind kind, UploadSpool spool)
            throws Exception {
        boolean multipart = request.getContentType() != null
                && request.getContentType().toLowerCase(Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
        if (!multipart) {
            UploadImports.store(kind, name, request.getInputStream(), spool);
            return;
        }
        for (Part part : request.getParts()) {
            if (part.getSubmittedFileName() != null) {
                try (InputStream in = part.getInputStream()) {
                    UploadImports.store(kind, part.getSubmittedFileName(), in, spool);
                }
            }
        }
    }
}
