package org.musubi.fhirapi.export;

import java.io.IOException;
import java.time.Instant;
import java.util.UUID;
import org.musubi.audit.Actor;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.database.Standby;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The exports' sweep, on one node at a time and never on a read-only standby: deletes the exports whose files expired
 * (row and files), fails cleanly an export left RUNNING by a node that stopped (its job lock is held nowhere: a
 * restart, a crash) — its client sees a failed export and starts it again —, and deletes files a crash left without
 * their row.
 */
@Component
public class ExportSweep {

    static final String JOB = "bulk export sweep";
    private static final Logger log = LoggerFactory.getLogger(ExportSweep.class);
    private static final String INTERRUPTED = "エクスポートを実行していたサーバーが停止しました。もう一度開始してください"
            + " / The server running the export stopped: start it again";

    private final ExportParts parts;
    private final ExportRunner runner;
    private final Standby standby;

    ExportSweep(ExportParts parts, ExportRunner runner, Standby standby) {
        this.parts = parts;
        this.runner = runner;
        this.standby = standby;
    }

    /** One sweep; how many exports it ended (expired or failed). */
    public int sweep() {
        if (standby.readOnly()) {
            return 0;
        }
        Instant now = Instant.now();
        int ended = 0;
        for (UUID id : parts.jobs().running()) {
            if (!parts.locks().heldAnywhere(ExportParts.lock(id))
                    && parts.jobs().failed(id, INTERRUPTED, now, now.plus(parts.properties().fileLifetime()))) {
                parts.audit().record(AuditEntry.of(AuditAction.EXPORT, Outcome.ERROR).on(ExportStatus.AUDITED_AS, id)
                        .by(Actor.system("bulk-export-sweep")).reason("FHIR $export interrupted: its node stopped"));
                ended++;
            }
        }
        for (ExportJob job : parts.jobs().expired(now)) {
            runner.deleteParts(job.files());
            parts.jobs().delete(job.id());
            ended++;
        }
        try {
            for (String part : parts.blobs().partsWrittenBefore("bulk-", now.minus(parts.properties().fileLifetime()))) {
                if (part.length() > 41 && parseable(part.substring(5, 41))
                        && parts.jobs().find(UUID.fromString(part.substring(5, 41))).isEmpty()) {
                    parts.blobs().deletePart(part);
                }
            }
        } catch (IOException e) {
            log.warn("The bulk export sweep could not list leftover files: {}", e.getMessage());
        }
        return ended;
    }

    private static boolean parseable(String id) {
        return id.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }
}
