package org.musubi.audit;

import java.util.List;

/**
 * Told of a standby's audit spool once its records are in the trail, before the spool is moved aside: a feature that
 * kept state in a read-only standby's memory rebuilds from the records what it must keep (the emergency accesses opened
 * there). Called again with the same records when a merge is repeated or resumed, so it must add nothing twice (the
 * record's mark, {@code [standby spool <spool id>#<record's seq>]}, is the key). A listener that throws stops the merge
 * before the spool is moved, and the next merge calls it again.
 */
public interface MergedSpoolListener {

    /** {@code records} in spool order, each with its number in the spool as {@link AuditRecord#seq()}. */
    void merged(String spoolId, List<AuditRecord> records);

    /** The mark a merged record's reason ends with (and the key of what is rebuilt from it). */
    static String mark(String spoolId, long n) {
        return "[standby spool " + spoolId + "#" + n + "]";
    }
}
