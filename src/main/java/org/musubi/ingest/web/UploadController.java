package org.musubi.ingest.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.musubi.audit.Actor;
import org.musubi.identity.linkage.MatchReviews;
import org.musubi.ingest.BatchNeeds;
import org.musubi.ingest.BatchOrigin;
import org.musubi.ingest.FolderFiles;
import org.musubi.ingest.ImportBatch;
import org.musubi.ingest.ImportKind;
import org.musubi.ingest.ImportProgress;
import org.musubi.ingest.ImportQueue;
import org.musubi.ingest.ImportSource;
import org.musubi.ingest.ImportSources;
import org.musubi.ingest.IngestProperties;
import org.musubi.ingest.RunImport;
import org.musubi.ingest.ledger.ImportLedger;
import org.musubi.registry.Facilities;
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
 */
@RestController
class UploadController {

    private static final Map<String, ImportKind> KINDS = Map.of("ssmix2", ImportKind.SSMIX2, "jahis", ImportKind.JAHIS,
            "lab", ImportKind.LAB_HL7, "lab-csv", ImportKind.LAB_CSV, "checkup", ImportKind.CHECKUP);
    private static final int PROBLEMS_SHOWN = 200;
    private final ImportSources sources;
    private final ImportQueue queue;
    private final ImportLedger ledger;
    private final IngestProperties properties;
    private final Facilities facilities;
    private final MatchReviews reviews;

    UploadController(ImportSources sources, ImportQueue queue, ImportLedger ledger, IngestProperties properties,
                     Facilities facilities, MatchReviews reviews) {
        this.facilities = facilities;
        this.reviews = reviews;
        this.sources = sources;
        this.queue = queue;
        this.ledger = ledger;
        this.properties = properties;
    }

    @PostMapping("/import/{kind}")
    ResponseEntity<Map<String, Object>> upload(@PathVariable String kind, @RequestParam(required = false) String name,
                                               HttpServletRequest request, Authentication authentication) throws Exception {
        SignedIn caller = (SignedIn) authentication.getPrincipal();
        ImportKind importKind = KINDS.get(kind);
        if (importKind == null) {
            return UploadErrors.of(HttpStatus.NOT_FOUND, "unknown-kind", "取り込みの種類が不明です（ssmix2, jahis, lab, lab-csv, checkup）"
                    + " / Unknown kind of import (ssmix2, jahis, lab, lab-csv, checkup): " + kind);
        }
        if (!UploadErrors.mayWrite(authentication)) {
            return UploadErrors.of(HttpStatus.FORBIDDEN, "forbidden", "トークンのスコープでは書き込めません（system/*.write が必要）"
                    + " / The token's scope does not allow writing (system/*.write is needed)");
        }
        if (request.getContentLengthLong() > properties.uploadMaxSize().toBytes()) {
            return UploadErrors.tooLarge(properties.uploadMaxSize().toBytes());
        }
        if (facilities.find(caller.facilityId()).flatMap(f -> f.medicalInstitutionCode()).isEmpty()) {
            // Records name their source by this code; without it nothing could be stored or told apart.
            return UploadErrors.of(HttpStatus.CONFLICT, "no-institution-code", "この施設には医療機関コードが登録されていないため"
                    + "取り込めません。ネットワーク運営者に登録を依頼してください / This facility has no medical-institution code"
                    + " registered, so nothing can be imported; ask the network operator to register it");
        }
        ImportSource source = sources.findOrCreate(caller.facilityId(), importKind, "upload:" + kind, null);
        try (UploadSpool spool = new UploadSpool(properties.uploadDirectory(), properties.uploadMaxSize().toBytes(),
                properties.uploadMaxEntries())) {
            receive(request, name, importKind, spool);
            Actor actor = new Actor(caller.userId(), caller.loginId(), caller.facilityId(), caller.profession());
            ImportBatch batch = queue.run(source.readingFrom(spool.folder()), () -> FolderFiles.of(importKind,
                    spool.folder()), new RunImport.Runner(caller.userId(), actor, BatchOrigin.UPLOAD), ImportProgress.NONE);
            return ResponseEntity.ok(body(batch));
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
                .map(b -> ResponseEntity.ok(body(b)))
                .orElseGet(() -> UploadErrors.of(HttpStatus.NOT_FOUND, "not-found",
                        "バッチが見つかりません / No such batch of your facility: " + id));
    }

    private void receive(HttpServletRequest request, String name, ImportKind kind, UploadSpool spool) throws Exception {
        boolean multipart = request.getContentType() != null
                && request.getContentType().toLowerCase(Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
        if (!multipart) {
            store(kind, name, request.getInputStream(), spool);
            return;
        }
        for (Part part : request.getParts()) {
            if (part.getSubmittedFileName() != null) {
                try (InputStream in = part.getInputStream()) {
                    store(kind, part.getSubmittedFileName(), in, spool);
                }
            }
        }
    }

    private static void store(ImportKind kind, String name, InputStream in, UploadSpool spool) throws IOException {
        if (kind == ImportKind.SSMIX2) {
            spool.zip(name, in);
        } else {
            spool.file(name, in);
        }
    }

    private Map<String, Object> body(ImportBatch batch) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("batch", batch.id());
        body.put("status", batch.status().name());
        body.put("counts", batch.counts());
        List<Map<String, Object>> problems = ledger.problems(batch.id(), false, 0, PROBLEMS_SHOWN).stream().map(p -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("severity", p.row().severity().name());
            row.put("file", p.row().problem().where().file());
            row.put("line", p.row().problem().where().line());
            row.put("record", p.row().problem().where().record());
            row.put("field", p.row().problem().where().field());
            row.put("code", p.row().problem().code());
            row.put("messageJa", p.row().problem().japanese());
            row.put("messageEn", p.row().problem().english());
            return row;
        }).toList();
        body.put("problems", problems);
        body.put("needs", needs(BatchNeeds.of(batch.id(), ledger, reviews)));
        return body;
    }

    /**
     * What needs a person, for the uploading facility: its own patients waiting for the network office's 名寄せ (by its
     * own patient ID: their records are stored, and seen by no other facility until the office links them), the
     * warnings by kind, and the records kept as documents only.
     */
    private static Map<String, Object> needs(BatchNeeds needs) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("patientsWaitingForReview", needs.waiting().stream().map(w -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("localId", w.sourcePatient().localId());
            row.put("inReview", w.reviewId() != null);
            return row;
        }).toList());
        if (!needs.waiting().isEmpty()) {
            out.put("waitingMessageJa", "これらの患者はまだ地域の患者に結び付いていません（名寄せ確認待ち）。記録は保存されて"
                    + "いますが、事務局が確認するまで他の施設からは見えません。");
            out.put("waitingMessageEn", "These patients are not linked to a regional person yet (waiting for the network"
                    + " office's review): their records are stored, but no other facility sees them until the office has"
                    + " checked them.");
        }
        out.put("warningsByKind", needs.warnings().stream().map(w -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("code", w.code());
            row.put("count", w.count());
            row.put("messageJa", w.japanese());
            row.put("messageEn", w.english());
            return row;
        }).toList());
        out.put("recordsKeptAsDocuments", needs.keptAsDocuments());
        return out;
    }
}
