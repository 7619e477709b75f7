package org.musubi.box.wopi;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.musubi.audit.AuditAction;
import org.musubi.box.Box;
import org.musubi.box.BoxFile;
import org.musubi.box.BoxVersions;
import org.musubi.box.DownloadFile;

/**
 * Box's WOPI host: what an online editor (OnlyOffice, Collabora) calls to open, lock and save a Box file, each call
 * checked by {@link WopiAccess}. Reading the content ({@code GetFile}) is a Box download, audited once as one; saving
 * ({@code PutFile}) needs the editor's lock (or an empty, unlocked file) and is a {@link BoxVersions new version},
 * audited once ({@code UPDATE}), refused or not. The file's information ({@code CheckFileInfo}) and the locks read or
 * write no content and are not audited, except when refused (then once, as a refused download is). Whoever may
 * download the file may save it: its sender and its recipients, co-editing it. A read-only standby opens files for
 * viewing only and refuses locks and saves.
 */
public final class Wopi {

    /** The longest lock id WOPI allows. */
    public static final int MAX_LOCK = 1024;
    /** How long a lock lasts unless refreshed (WOPI: 30 minutes). */
    public static final Duration LOCK_TTL = Duration.ofMinutes(30);
    static final String LOCK_MISMATCH = "box.wopi.lockMismatch";

    private final WopiAccess access;
    private final DownloadFile downloads;
    private final BoxVersions versions;
    private final WopiLocks locks;
    private final Clock clock;
    private final Options options;

    /** How long a lock lasts, and whether this node is a read-only standby. */
    public record Options(Duration lockTtl, BooleanSupplier readOnly) {
    }

    public Wopi(WopiAccess access, DownloadFile downloads, BoxVersions versions, WopiLocks locks, Clock clock, Options options) {
        this.access = access;
        this.downloads = downloads;
        this.versions = versions;
        this.locks = locks;
        this.clock = clock;
        this.options = options;
    }

    /** How a call ended, for the HTTP answer. */
    public enum Status {
        OK, NOT_FOUND, LOCK_MISMATCH, BAD_REQUEST, TOO_LARGE, REFUSED, STANDBY, PRECONDITION_FAILED
    }

    /**
     * A call's answer: its status, the file's lock ({@code X-WOPI-Lock}: on a lock mismatch the current one, the empty
     * string when unlocked; for GetLock the current one) and the file's version ({@code X-WOPI-ItemVersion}).
     */
    public record Answer(Status status, String lock, String version, String reason) {
        static Answer of(Status status) {
            return new Answer(status, null, null, null);
        }
    }

    /** CheckFileInfo's facts: the file, and whether the caller may save it here now. */
    public record Info(BoxFile file, String version, boolean canWrite) {
    }

    public Optional<Info> info(WopiTokens.Grant grant, UUID id) {
        return access.file(grant, id, AuditAction.READ)
                .map(f -> new Info(f, version(f), !options.readOnly().getAsBoolean()));
    }

    /** GetFile: the download (audited once by Box), or why not (412 beyond the editor's {@code maxExpected}). */
    public record Fetched(Status status, Box.Download download) {
    }

    public Fetched content(WopiTokens.Grant grant, UUID id, long maxExpected) {
        Optional<BoxFile> file = grant.file().equals(id) ? access.readable(grant.reader(), id) : Optional.empty();
        if (file.isPresent() && file.get().size() > maxExpected) {
            return new Fetched(Status.PRECONDITION_FAILED, null);
        }
        Optional<Box.Download> download = grant.file().equals(id) ? downloads.download(grant.reader(), id)
                : Optional.empty();
        if (download.isEmpty() && !grant.file().equals(id)) {
            access.deny(id, AuditAction.READ);
        }
        return download.map(d -> new Fetched(Status.OK, d)).orElseGet(() -> new Fetched(Status.NOT_FOUND, null));
    }

    /** Lock, or UnlockAndRelock when {@code old} is given. */
    public Answer lock(WopiTokens.Grant grant, UUID id, String lock, String old) {
        return locking(grant, id, lock, (file, now) -> old == null
                ? locks.lock(id, lock, now, now.plus(options.lockTtl()))
                : locks.relock(id, old, lock, now, now.plus(options.lockTtl())));
    }

    public Answer refresh(WopiTokens.Grant grant, UUID id, String lock) {
        return locking(grant, id, lock, (file, now) -> locks.refresh(id, lock, now, now.plus(options.lockTtl())));
    }

    public Answer unlock(WopiTokens.Grant grant, UUID id, String lock) {
        return locking(grant, id, lock, (file, now) -> locks.unlock(id, lock, now));
    }

    /** GetLock: the current lock, the empty string when none. */
    public Answer currentLock(WopiTokens.Grant grant, UUID id) {
        Optional<BoxFile> file = access.file(grant, id, AuditAction.READ);
        if (file.isEmpty()) {
            return Answer.of(Status.NOT_FOUND);
        }
        return new Answer(Status.OK, locks.current(id, clock.instant()).orElse(""), version(file.get()), null);
    }

    /**
     * PutFile: the new content, saved when {@code lock} is the file's lock (or the file is unlocked and empty), as
     * {@link BoxVersions#replace} saves it; 409 with the current lock otherwise.
     */
    public Answer save(WopiTokens.Grant grant, UUID id, String lock, InputStream content) {
        Optional<BoxFile> found = access.file(grant, id, AuditAction.UPDATE);
        if (found.isEmpty()) {
            return Answer.of(Status.NOT_FOUND);
        }
        BoxFile file = found.get();
        Instant now = clock.instant();
        Optional<String> current = locks.current(id, now);
        boolean given = lock != null && !lock.isEmpty();
        BooleanSupplier still;
        if (current.isPresent() && given && current.get().equals(lock)) {
            still = () -> locks.holds(id, lock, clock.instant());
        } else if (current.isEmpty() && file.size() == 0) {
            still = () -> locks.current(id, clock.instant()).isEmpty();
        } else {
            access.conflict(id);
            return new Answer(Status.LOCK_MISMATCH, current.orElse(""), version(file), null);
        }
        BoxVersions.Saved saved = versions.replace(file, content, still);
        if (saved.saved()) {
            return new Answer(Status.OK, null, version(saved.file()), null);
        }
        return switch (saved.refusal()) {
            case BoxVersions.CONFLICT -> new Answer(Status.LOCK_MISMATCH, locks.current(id, clock.instant()).orElse(""),
                    version(file), saved.refusal());
            case BoxVersions.TOO_LARGE, BoxVersions.QUOTA -> new Answer(Status.TOO_LARGE, null, version(file),
                    saved.refusal());
            case BoxVersions.STANDBY -> new Answer(Status.STANDBY, null, version(file), saved.refusal());
            default -> new Answer(Status.REFUSED, null, version(file), saved.refusal());
        };
    }

    /** A change of the lock, when the file is the caller's and the lock well formed; 409 with the current lock if not. */
    private Answer locking(WopiTokens.Grant grant, UUID id, String lock, LockChange change) {
        Optional<BoxFile> file = access.file(grant, id, AuditAction.READ);
        if (file.isEmpty()) {
            return Answer.of(Status.NOT_FOUND);
        }
        if (lock == null || lock.isEmpty() || lock.length() > MAX_LOCK) {
            return Answer.of(Status.BAD_REQUEST);
        }
        if (options.readOnly().getAsBoolean()) {
            return Answer.of(Status.STANDBY);
        }
        Instant now = clock.instant();
        if (change.apply(file.get(), now)) {
            return new Answer(Status.OK, null, version(file.get()), null);
        }
        return new Answer(Status.LOCK_MISMATCH, locks.current(id, now).orElse(""), version(file.get()), null);
    }

    private interface LockChange {
        boolean apply(BoxFile file, Instant now);
    }

    /**
     * The file's version ({@code Version}, {@code X-WOPI-ItemVersion}): its content's SHA-256, followed by the saved
     * version's own random part once an editor saved one — so that it changes with the content and never repeats,
     * even when a save brings earlier bytes back.
     */
    public static String version(BoxFile file) {
        String original = "box-" + file.id();
        return file.part().equals(original) ? file.sha256()
                : file.sha256() + "-" + file.part().substring(original.length() + 1);
    }
}
