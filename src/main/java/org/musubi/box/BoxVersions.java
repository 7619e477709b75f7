package org.musubi.box;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.BooleanSupplier;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.blob.BlobStore;

/**
 * A new version of a Box file's content, as an online editor saves it (the WOPI host): streamed into a new part with
 * its SHA-256, within the per-file limit and the sender's quota (the file stays the sender's), scanned as an upload
 * is — a version the scanner does not release (infected, too large to scan, not scanned) is refused and the file
 * keeps its content — then switched to in one transaction with its one audit row ({@code UPDATE}), so that a download
 * reads the old bytes or the new, never a mix, and the row's SHA-256 always matches the part it names. The replaced
 * part is deleted; parts a crash leaves unnamed are deleted by a later save.
 */
public final class BoxVersions {

    public static final String SAVED = "box.wopi.saved";
    public static final String TOO_LARGE = "box.wopi.tooLarge";
    public static final String QUOTA = "box.wopi.quota";
    public static final String INFECTED = "box.wopi.infected";
    public static final String NOT_SCANNED = "box.wopi.notScanned";
    /** The caller's precondition (such as the editor's lock) no longer held, or the file changed meanwhile. */
    public static final String CONFLICT = "box.wopi.conflict";
    public static final String STANDBY = "box.fault.standby";

    /** How old a part no row names must be before a save deletes it (a save still writing it is younger). */
    static final Duration LEFT_OVER = Duration.ofDays(1);

    private final BoxStore store;
    private final BoxVersionRows rows;
    private final BoxContent blobs;
    private final Audit audit;
    private final Clock clock;
    private final Box.Options options;
    private final SecureRandom random = new SecureRandom();

    public BoxVersions(BoxStore store, BoxVersionRows rows, BoxContent blobs, Audit audit, Clock clock,
                       Box.Options options) {
        this.store = store;
        this.rows = rows;
        this.blobs = blobs;
        this.audit = audit;
        this.clock = clock;
        this.options = options;
    }

    /** What a save came to: the file with its new content, or the refusal's reason (the file unchanged). */
    public record Saved(BoxFile file, String refusal) {
        public boolean saved() {
            return file != null;
        }
    }

    /**
     * Replaces the content of {@code file} (as the caller found it allowed) with {@code content}, when {@code still}
     * holds at the switch (checked inside its transaction). Audited once: {@code UPDATE PERMIT box.wopi.saved}, or
     * {@code UPDATE DENY} with the refusal.
     */
    public Saved replace(BoxFile file, InputStream content, BooleanSupplier still) {
        if (options.readOnly().getAsBoolean()) {
            return refuse(file, STANDBY);
        }
        deleteLeftOvers();
        Instant now = clock.instant();
        long fileMax = options.settings().fileMaxBytes();
        long limit = Math.min(fileMax, options.settings().quotaBytes() - (store.usedBytes(file.senderUser(), now)
                - (file.expired(now) ? 0 : file.size())));
        if (limit < 0) {
            return refuse(file, QUOTA);
        }
        String part = "box-" + file.id() + "-" + HexFormat.of().formatHex(bytes(8));
        rows.pending(part, now);
        BoxContent.Stored stored;
        BoxContent.Scanned scanned;
        try {
            stored = blobs.store(part, content, limit);
            scanned = blobs.scan(part, stored.size());
        } catch (BlobStore.TooLarge e) {
            delete(part);
            return refuse(file, limit < fileMax ? QUOTA : TOO_LARGE);
        } catch (IOException e) {
            delete(part);
            throw new UncheckedIOException(e);
        }
        if (scanned.refused() || !scanned.status().downloadable()) {
            delete(part);
            return refuse(file, scanned.status() == BoxFile.ScanStatus.INFECTED ? INFECTED : NOT_SCANNED);
        }
        BoxVersionRows.Version version = new BoxVersionRows.Version(part, stored.size(), stored.sha256(),
                scanned.status());
        boolean switched;
        try {
            switched = audit.allOrNothing(() -> {
                if (!still.getAsBoolean() || !rows.switchTo(file.id(), file.part(), version, clock.instant())) {
                    return false;
                }
                audit.record(AuditEntry.of(AuditAction.UPDATE, Outcome.PERMIT).on("BoxFile", file.id())
                        .reason(SAVED + " " + stored.size() + " bytes"));
                return true;
            });
        } catch (RuntimeException e) {
            delete(part);
            throw e;
        }
        if (!switched) {
            delete(part);
            return refuse(file, CONFLICT);
        }
        delete(file.part());
        delete(Box.previewPart(file));
        return new Saved(store.find(file.id()).orElseThrow(), null);
    }

    private Saved refuse(BoxFile file, String reason) {
        audit.record(AuditEntry.of(AuditAction.UPDATE, Outcome.DENY).on("BoxFile", file.id()).reason(reason));
        return new Saved(null, reason);
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    /** Deletes a part no row names, then forgets it; left noted (for a later save) when the store fails. */
    private void delete(String part) {
        try {
            blobs.delete(part);
            rows.forget(part);
        } catch (IOException | RuntimeException e) {
            // noted in box_part_trash: a later save deletes it
        }
    }

    private void deleteLeftOvers() {
        for (String part : rows.leftBefore(clock.instant().minus(LEFT_OVER), 100)) {
            delete(part);
        }
    }
}
