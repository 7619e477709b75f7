package org.musubi.box;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serial;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.policy.Interaction;
import org.musubi.record.Reader;
import org.musubi.registry.Profession;


/**
 * Box, what its use cases share: a staff member uploads files for named users or a facility's members ({@link
 * SendFiles}); each file is streamed into the blob store's part area under its own name (never the content-addressed
 * area a record uses, so that no deletion here can take bytes a record or another file names), its SHA-256 kept and
 * checked on every download ({@link DownloadFile}, {@link ViewFile}); a file is downloadable by its sender and
 * recipients only, and never once expired, whenever the sweep ({@link SweepExpiredFiles}) runs. One audit row for each
 * upload, each download (refused or not: a file the caller may not have answers and is audited exactly like one that
 * does not exist) and each deletion.
 */
public final class Box {

    /** The one reason of a refused download, for an absent, expired, not-named or held file alike. */
    public static final String NOT_FOUND = "box.notFound";
    /**
     * The reason of a refused download of a file whose content a restore did not find, for its sender and recipients
     * (everyone else: {@link #NOT_FOUND}); also the reason of the restore's own row marking it.
     */
    public static final String LOST = "box.lostAtRestore";

    private final BoxStore store;
    private final BoxContent blobs;
    private final Audit audit;
    private final Clock clock;
    private final Options options;

    /**
     * Box's settings, whether this node is a read-only standby, and the access policy's side of files about a patient
     * (null: no file may name a patient).
     */
    public record Options(BoxSettings settings, BooleanSupplier readOnly, BoxPatients patients) {

        public Options(BoxSettings settings, BooleanSupplier readOnly) {
            this(settings, readOnly, null);
        }
    }

    /**
     * The patient (regional person) files are about, and whether the sender makes them documents of the patient's
     * record ({@code attach}).
     */
    public record About(long personId, boolean attach) {
    }

    public Box(BoxStore store, BoxContent blobs, Audit audit, Clock clock, Options options) {
        this.store = store;
        this.blobs = blobs;
        this.audit = audit;
        this.clock = clock;
        this.options = options;
    }

    /** A file being uploaded: its name, content type and content (read once, streamed). */
    public record Upload(String name, String contentType, InputStream content) {
    }

    /** To whom: named users, and/or the members of a facility with one of these professions (all when empty). */
    public record Recipients(Set<Long> users, Long facilityId, Set<Profession> professions) {
        public Recipients {
            users = users == null ? Set.of() : Set.copyOf(users);
            professions = professions == null ? Set.of() : Set.copyOf(professions);
        }
    }

    /** What a send came to: the files stored, or the faults (message keys; nothing is kept then for that file). */
    public record Sent(List<BoxFile> files, List<String> faults) {
    }

    BoxStore store() {
        return store;
    }

    BoxContent blobs() {
        return blobs;
    }

    Audit audit() {
        return audit;
    }

    Clock clock() {
        return clock;
    }

    Options options() {
        return options;
    }

    /** Whether this node is a read-only standby (uploads refused, downloads work). */
    public boolean readOnly() {
        return options.readOnly().getAsBoolean();
    }

    /** Whether uploads are scanned for malware (the operators are warned when not). */
    public boolean scanning() {
        return blobs.scanning();
    }

    /** When the sweep last finished, for the operators (an alert after an hour without). */
    public Optional<Instant> lastSweep() {
        return store.lastSweep();
    }

    /**
     * The file when the reader may have it now — its sender or a recipient, not expired, its scan allowing it: the
     * rules of {@link DownloadFile#download}, checked and audited by nothing else (for callers that audit what they do with it,
     * such as the WOPI host). Empty for everyone else, an unknown id, an expired or held file alike.
     */
    public Optional<BoxFile> readable(Reader reader, UUID id) {
        return reachable(reader, id).filter(f -> f.personId() == null
                || options.patients() != null && options.patients().permits(reader, f));
    }

    /** The file if the reader is its sender or a recipient, it is not expired and its scan allows it (no policy yet). */
    Optional<BoxFile> reachable(Reader reader, UUID id) {
        Instant now = clock.instant();
        return id == null ? Optional.empty() : store.find(id)
                .filter(f -> !f.expired(now) && !f.lost())
                .filter(f -> f.senderUser() == reader.userId() || store.isRecipient(f.id(), reader.userId()))
                .filter(f -> f.scan().downloadable());
    }

    /**
     * The file when the reader would have it but a restore found its content missing (or other than its SHA-256): its
     * sender or a recipient, not past its retention, and for a file about a patient permitted by the policy now — so
     * that they are told why, while everyone else gets the answer of a file that does not exist. Not audited: the
     * refused download it explains is.
     */
    public Optional<BoxFile> lostFor(Reader reader, UUID id) {
        Instant now = clock.instant();
        return id == null ? Optional.empty() : store.find(id)
                .filter(f -> f.lost() && !f.expired(now))
                .filter(f -> f.senderUser() == reader.userId() || store.isRecipient(f.id(), reader.userId()))
                .filter(f -> f.personId() == null || options.patients() != null && options.patients().permits(reader, f));
    }

    /** Why a download is refused, for its one audit row. */
    String refusal(Reader reader, UUID id) {
        return lostFor(reader, id).isPresent() ? LOST : NOT_FOUND;
    }

    /** A download: the file and its content, to be closed; the content fails at its end when its SHA-256 differs. */
    public record Download(BoxFile file, InputStream content) {
    }

    /** How long a view's page may fetch what it shows with the view's pass (one audit row for the page and its content). */
    public static final Duration VIEW_PASS = Duration.ofMinutes(10);

    /** A file viewed in the browser (previewed): the file, and the pass its page fetches the content with. */
    public record View(BoxFile file, ViewPass pass) {
    }

    /**
     * What {@link ViewFile#view} gives the page it audited, for fetching the content it shows without another audit row: the
     * file, the user and when. Made by {@link ViewFile#view} and kept in the user's (sealed) session; a pass only spares the content
     * its own audit row: the rules and the policy are checked again.
     */
    public record ViewPass(UUID file, long user, Instant at) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    Optional<InputStream> contentOf(BoxFile file) {
        try {
            return blobs.open(file.part());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where a file's preview (an Office file converted to PDF) is kept: next to its content, deleted with it. */
    public static String previewPart(BoxFile file) {
        return file.part() + "-preview";
    }

    /**
     * A download or view of a file about a patient, decided by the access policy now and audited once by it ({@code
     * open} runs only when permitted); without the policy's side (a Box made without it) refused and audited here.
     */
    <T> Optional<T> aboutPatient(Reader reader, BoxFile file, java.util.function.Supplier<T> open) {
        if (options.patients() == null) {
            audit.record(AuditEntry.of(AuditAction.READ, Outcome.DENY).on("BoxFile", file.id()).reason(NOT_FOUND));
            return Optional.empty();
        }
        Interaction<T> decided = options.patients().download(reader, file, open);
        return decided.permitted() ? Optional.of(decided.value()) : Optional.empty();
    }

    static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing was read
        }
    }

    void deleteQuietly(String part) {
        try {
            blobs.delete(part);
        } catch (IOException ignored) {
            // the upload failed already; a leftover part is removed by nothing else, and holds no row
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The content as stored, failing at its end when its SHA-256 is not the one recorded at upload. */
    static final class Checked extends FilterInputStream {
        private final MessageDigest digest = sha256();
        private final String expected;
        private boolean checked;

        Checked(InputStream in, String expected) {
            super(in);
            this.expected = expected;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b < 0) {
                check();
            } else {
                digest.update((byte) b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n < 0) {
                check();
            } else {
                digest.update(buffer, offset, n);
            }
            return n;
        }

        private void check() throws IOException {
            if (!checked) {
                checked = true;
                if (!HexFormat.of().formatHex(digest.digest()).equals(expected)) {
                    throw new IOException("box: the stored content does not match its SHA-256");
                }
            }
        }
    }
}
