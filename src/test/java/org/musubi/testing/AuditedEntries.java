package org.musubi.testing;

import java.util.ArrayList;
import java.util.List;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.AuditRecord;

/**
 * An audit for unit tests that need no database: it keeps the entries it is given, in order, for the test to assert
 * (exactly one row per decision, its reason). It makes no record: the hash chain is proved by the audit's own tests.
 */
public final class AuditedEntries implements Audit {

    private final List<AuditEntry> entries = new ArrayList<>();

    @Override
    public AuditRecord record(AuditEntry entry) {
        entries.add(entry);
        return null;
    }

    @Override
    public List<AuditRecord> recordAll(List<AuditEntry> list) {
        list.forEach(this::record);
        return List.of();
    }

    @Override
    public List<AuditRecord> recordAllInTransaction(List<AuditEntry> list) {
        return recordAll(list);
    }

    /** What was recorded so far. */
    public List<AuditEntry> entries() {
        return entries;
    }
}
