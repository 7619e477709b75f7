package org.musubi.ingest.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.UUID;
import org.musubi.audit.Actor;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Importing what a facility system uploaded: spooled ({@link UploadSpool}), then run as a batch of the facility's
 * upload source of that kind, one source at a time ({@link ImportQueue}). A resumable upload is imported once: the
 * batch is written against the upload ({@code import_upload}) under the upload's lock, so a retried last request, or
 * a question on another node, finds it and does not import again.
 */
@Component
class UploadImports {

    static final Map<String, ImportKind> KINDS = Map.of("ssmix2", ImportKind.SSMIX2, "jahis", ImportKind.JAHIS,
            "lab", ImportKind.LAB_HL7, "lab-csv", ImportKind.LAB_CSV, "checkup", ImportKind.CHECKUP,
            "uke", ImportKind.UKE);
    private final ImportSources sources;
    private final ImportQueue queue;
    private final ImportLedger ledger;
    private final Facilities facilities;
    private final JdbcTemplate jdbc;
    private final IngestProperties properties;

    UploadImports(ImportSources sources, ImportQueue queue, ImportLedger ledger, Facilities facilities, JdbcTemplate jdbc,
                  IngestProperties properties) {
        this.sources = sources;
        this.queue = queue;
        this.ledger = ledger;
        this.facilities = facilities;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** Whether the facility has no medical-institution code (records name their source by it: nothing can be imported). */
    boolean lacksInstitutionCode(long facilityId) {
        return facilities.find(facilityId).flatMap(f -> f.medicalInstitutionCode()).isEmpty();
    }

    UploadSpool spool() throws IOException {
        return new UploadSpool(properties.uploadDirectory(), properties.uploadMaxSize().toBytes(),
                properties.uploadMaxEntries());
    }

    /** Stores one uploaded file in the spool: a zipped SS-MIX2 delta unpacked, anything else as it is. */
    static void store(ImportKind kind, String name, InputStream in, UploadSpool spool) throws IOException {
        if (kind == ImportKind.SSMIX2) {
            spool.zip(name, in);
        } else {
            spool.file(name, in);
        }
    }

    /** Imports the spool's files into the caller's facility's upload source of {@code kind}; returns the batch. */
    ImportBatch run(SignedIn caller, String kind, UploadSpool spool) {
        ImportKind importKind = KINDS.get(kind);
        ImportSource source = sources.findOrCreate(caller.facilityId(), importKind, "upload:" + kind, null);
        Actor actor = new Actor(caller.userId(), caller.loginId(), caller.facilityId(), caller.profession());
        return queue.run(source.readingFrom(spool.folder()), () -> FolderFiles.of(importKind, spool.folder()),
                new RunImport.Runner(caller.userId(), actor, BatchOrigin.UPLOAD), ImportProgress.NONE);
    }

    /** The batch that imported this resumable upload, if one did. */
    java.util.Optional<ImportBatch> imported(UUID upload) {
        return jdbc.query("SELECT batch_id FROM import_upload WHERE upload_id = ? AND batch_id IS NOT NULL",
                (rs, n) -> rs.getLong(1), upload).stream().findFirst().flatMap(ledger::batch);
    }

    /** The bytes of a complete resumable upload, opened when wanted. */
    interface Content {
        InputStream open() throws IOException;
    }

    /**
     * Imports a complete resumable upload unless it was imported already (the caller holds the upload's lock); returns
     * the batch. A batch cut short (the node died) left no mark here, so the next request runs it again and the ledger
     * skips what was committed.
     */
    ImportBatch importOnce(UUID upload, SignedIn caller, String kind, String name, Content content) throws IOException {
        java.util.Optional<ImportBatch> done = imported(upload);
        if (done.isPresent()) {
            return done.get();
        }
        ImportBatch batch;
        try (UploadSpool spool = spool()) {
            try (InputStream in = content.open()) {
                store(KINDS.get(kind), name, in, spool);
            }
            batch = run(caller, kind, spool);
        }
        jdbc.update("INSERT INTO import_upload (upload_id, facility_id, kind, batch_id) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (upload_id) DO UPDATE SET batch_id = EXCLUDED.batch_id", upload, caller.facilityId(), kind,
                batch.id());
        return batch;
    }
}
