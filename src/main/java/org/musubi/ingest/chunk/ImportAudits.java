package org.musubi.ingest.chunk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.musubi.audit.Actor;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.audit.Purpose;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.record.Written;
import org.musubi.record.imports.ImportRecords;

/**
 * One audit row per imported source record that changed the patient's record: what was created,
 * updated or deleted (as {@code Type/id}), for whom (regional ID), from which file. No patient data
 * beyond the regional ID goes into the row. Written in the chunk's own transaction, last: the rows
 * exist exactly when the chunk was stored.
 */
public final class ImportAudits {

    private final Audit audit;

    public ImportAudits(Audit audit) {
        this.audit = audit;
    }

    void record(List<PlannedRecord> records, ImportRecords.Imported imported, Map<Long, String> regionalIds, Actor actor,
                String format) {
        List<AuditEntry> entries = new ArrayList<>();
        for (PlannedRecord r : records) {
            List<Written> own = imported.written().subList(r.firstWrite(), r.firstWrite() + r.writeCount());
            List<String> changed = new ArrayList<>();
            own.stream().filter(w -> w.change() != Written.Change.UNCHANGED).forEach(w -> changed.add(w.type() + "/" + w.id()));
            r.deletions().forEach(d -> changed.add(d.type() + "/" + d.id()));
            if (changed.isEmpty() && r.action() == ParseResult.Action.STORE) {
                continue;
            }
            AuditAction action = r.action() == ParseResult.Action.DELETE ? AuditAction.DELETE
                    : own.stream().anyMatch(w -> w.change() == Written.Change.CREATED) ? AuditAction.CREATE : AuditAction.UPDATE;
            entries.add(AuditEntry.of(action, Outcome.PERMIT).on(null, changed.toArray()).patient(regionalIds.get(r.patientKey()))
                    .purpose(Purpose.TREATMENT).reason("import " + format + " " + r.recordKey() + " (" + r.file() + ")")
                    .by(actor));
        }
        audit.recordAllInTransaction(entries);
    }

    /** One audit row naming the directory resources a chunk created (no patient's data), in the caller's transaction. */
    void directory(List<Written> created, Actor actor, String format) {
        if (created.isEmpty()) {
            return;
        }
        audit.recordAllInTransaction(List.of(AuditEntry.of(AuditAction.CREATE, Outcome.PERMIT)
                .on(null, created.stream().map(w -> w.type() + "/" + w.id()).toArray())
                .purpose(Purpose.TREATMENT).reason("import " + format + " directory").by(actor)));
    }
}
