package org.musubi.box;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.musubi.audit.Actor;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;

/**
 * After a restore, marks lost the files whose content the restored store does not hold with their SHA-256 (one audit
 * row each).
 */
public final class CheckFilesAfterRestore {

    private final Box box;
    private final BoxStore store;
    private final BoxContent blobs;
    private final Audit audit;

    public CheckFilesAfterRestore(Box box) {
        this.box = box;
        this.store = box.store();
        this.blobs = box.blobs();
        this.audit = box.audit();
    }

    /**
     * After a restore (docs/backup.md): checks every live file's content against its SHA-256 and marks the files whose
     * content the restored store does not hold — a backup from object storage, whose bucket is kept apart, or a part
     * deleted while the backup ran — as lost: treated as expired from now, and saying so to the sender and the
     * recipients on Box's page and when they ask for it. One audit row per file marked. Reads each file once.
     */
    public org.musubi.blob.KeptParts.Checked checkAfterRestore(Instant at) throws IOException {
        int checked = 0;
        int lost = 0;
        UUID after = null;
        List<BoxFile> batch;
        do {
            batch = store.live(at, after, 200);
            for (BoxFile file : batch) {
                checked++;
                lost += markIfLost(file, at) ? 1 : 0;
                after = file.id();
            }
        } while (batch.size() == 200);
        return new org.musubi.blob.KeptParts.Checked("box-", checked, lost);
    }

    /** Marks one file lost (audited once) unless the store holds its content with its SHA-256; whether it did. */
    boolean markIfLost(BoxFile file, Instant at) throws IOException {
        if (holds(file)) {
            return false;
        }
        return audit.allOrNothing(() -> {
            boolean marked = store.markLost(file.id(), at);
            if (marked) {
                audit.record(AuditEntry.of(AuditAction.UPDATE, Outcome.PERMIT).on("BoxFile", file.id()).reason(Box.LOST)
                        .by(Actor.system("restore")));
            }
            return marked;
        });
    }

    /** Whether the store holds the file's content with the SHA-256 recorded at upload. */
    private boolean holds(BoxFile file) throws IOException {
        Optional<InputStream> content = blobs.open(file.part());
        if (content.isEmpty()) {
            return false;
        }
        MessageDigest digest = Box.sha256();
        try (InputStream in = content.get()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest()).equals(file.sha256());
    }
}
