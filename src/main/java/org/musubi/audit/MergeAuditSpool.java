package org.musubi.audit;

/**
 * Brings the audit records a read-only standby kept in its local spool into the trail, once the database takes
 * writes again (docs/disaster.md): in spool order, keeping each record's time, actor and origin, its reason ending in
 * {@code [standby spool <spool id>#<n>]} so that it reads as coming from the standby and is merged once only (a
 * record found in the trail already is skipped, so a merge cut short is resumed by running it again). The spool's
 * own hash chain is verified first; a spool that fails it is refused and left in place. Once the records are in the
 * trail, every {@link MergedSpoolListener} is told (the emergency accesses opened on the standby are recreated), then
 * the spool is moved aside. Runs when Musubi starts
 * against a writable database, when a standby it runs on is promoted, and as {@code musubi audit merge-spool}.
 */
public interface MergeAuditSpool {

    /** Merges the waiting spool, if any; throws (merging nothing) when its chain fails or the database is read-only. */
    Merged merge();

    /**
     * @param spoolId      the merged spool's id; null when there was none
     * @param records      records in the spool
     * @param added        added to the trail now
     * @param alreadyThere found in the trail already (an earlier merge cut short)
     */
    record Merged(String spoolId, long records, long added, long alreadyThere) {

        public static final Merged NOTHING = new Merged(null, 0, 0, 0);
    }
}
