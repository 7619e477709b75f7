package org.musubi.blob;

import java.io.IOException;
import java.time.Instant;

/**
 * Parts of the blob store ({@link BlobStore#putPart}) that a feature keeps for as long as its rows name them — Box files,
 * bulk export files, research extractions — unlike an upload's parts in progress, which a restore never brings back.
 * Each feature names its parts with its own prefix and declares it here (a Spring bean): backups copy every part whose
 * name begins with a declared prefix, and after a restore the feature accounts for each row whose part the restored
 * store does not hold with the bytes the row recorded ({@link #afterRestore}) — left out of the backup (object storage,
 * whose bucket the operator keeps safe by its own means, or a part deleted while the backup ran) or damaged.
 */
public interface KeptParts {

    /** What the names of these parts begin with, e.g. {@code box-}: lower-case letters, digits and hyphens. */
    String prefix();

    /**
     * After a restore, once the database is whole: checks each live row against the store and marks those whose
     * bytes are not there as gone, telling the people who would ask for them (each marked row audited once). What was
     * found; nothing to do for a feature whose missing part already answers as expired.
     *
     * @param at the restore's time
     */
    default Checked afterRestore(Instant at) throws IOException {
        return new Checked(prefix(), 0, 0);
    }

    /** What a restore's check found: how many rows were checked and how many of them were marked as gone. */
    record Checked(String prefix, int checked, int lost) {
    }

    /** Parts kept under {@code prefix} whose missing bytes already answer like an expired file (nothing to mark). */
    static KeptParts named(String prefix) {
        if (!BlobStore.isPartName(prefix)) {
            throw new IllegalArgumentException("not a part prefix: " + prefix);
        }
        return () -> prefix;
    }
}
