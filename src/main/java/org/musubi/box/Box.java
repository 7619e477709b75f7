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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.musubi.audit.Actor;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.blob.BlobStore;
import org.musubi.policy.Decision;
import org.musubi.policy.Deny;
import org.musubi.policy.Interaction;
import org.musubi.record.Reader;
import org.musubi.registry.Profession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Box: a staff member uploads files for named users or a facility's members; each file is streamed into the blob
 * store's part area under its own name (never the content-addressed area a record uses, so that no deletion here can
 * take bytes a record or another file names), its SHA-256 kept and checked on every download; a file is downloadable
 * by its sender and recipients only, and never once expired, whenever the sweep runs. One audit row for each upload,
 * each download (refused or not: a file the caller may not have answers and is audited exactly like one that does not
 * exist) and each deletion.
 */
public final class Box {

    private static final Logger log = LoggerFactory.getLogger(Box.class);

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

    /**
     * Uploads {@code uploads} for {@code to}, with an optional message. Refused with faults when no recipient remains
     * (only active staff of active facilities receive files; the sender is never their own recipient), when a file
     * is larger than the per-file limit, or when it would take the sender over their quota — before anything of it is
     * kept.
     */
    public Sent send(Reader sender, List<Upload> uploads, Recipients to, String message) {
        return send(sender, uploads, to, message, null);
    }

    /**
     * {@link #send(Reader, List, Recipients, String)} of files about a patient ({@code about}, null: none): the
     * sender's facility must have standing for the person (a live link made with the person's card), every named
     * recipient must be permitted by the access policy ({@link org.musubi.policy.AccessPolicy#decideDisclosed} (a {@code FILE}); a
     * facility's members who are not are left out), else nothing is sent and the refusal is audited once; each file
     * sent is one interaction with the person, audited once; with {@code attach} it also becomes a document of the
     * patient's record (at most {@code musubi.blob.max-size}).
     */
    public Sent send(Reader sender, List<Upload> uploads, Recipients to, String message, About about) {
        if (options.readOnly().getAsBoolean()) {
            return new Sent(List.of(), List.of("box.fault.standby"));
        }
        if (sender.facilityId() == null) {
            return new Sent(List.of(), List.of("box.fault.noFacility"));
        }
        Set<Long> named = new LinkedHashSet<>(store.activeStaff(to.users()));
        Set<Long> members = new LinkedHashSet<>(to.facilityId() == null ? Set.of()
                : store.members(to.facilityId(), to.professions()));
        named.remove(sender.userId());
        members.remove(sender.userId());
        members.removeAll(named);
        Set<Long> recipients = new LinkedHashSet<>(named);
        recipients.addAll(members);
        if (recipients.isEmpty()) {
            return new Sent(List.of(), List.of("box.fault.noRecipient"));
        }
        if (about != null) {
            String refused = refusedAbout(sender, about, named, members);
            if (refused != null) {
                return new Sent(List.of(), List.of(refused));
            }
            recipients.removeIf(r -> !named.contains(r) && !members.contains(r));
        }
        List<BoxFile> stored = new ArrayList<>();
        List<String> faults = new ArrayList<>();
        for (Upload upload : uploads) {
            Instant now = clock.instant();
            long room = options.settings().quotaBytes() - store.usedBytes(sender.userId(), now);
            long limit = Math.min(options.settings().fileMaxBytes(), room);
            if (limit <= 0) {
                faults.add("box.fault.quota");
                continue;
            }
            UUID id = UUID.randomUUID();
            String part = "box-" + id;
            BoxContent.Stored bytes;
            BoxContent.Scanned scanned;
            try {
                bytes = blobs.store(part, upload.content(), limit);
                scanned = blobs.scan(part, bytes.size());
            } catch (BlobStore.TooLarge e) {
                faults.add(limit < options.settings().fileMaxBytes() ? "box.fault.quota" : "box.fault.tooLarge");
                continue;
            } catch (IOException e) {
                deleteQuietly(part);
                throw new UncheckedIOException(e);
            }
            if (scanned.refused()) {
                deleteQuietly(part);
                faults.add("box.fault.scanTooLarge");
                continue;
            }
            long size = bytes.size();
            BoxFile file = new BoxFile(id, sender.userId(), sender.facilityId(), null, name(upload.name()),
                    type(upload.contentType()), size, bytes.sha256(), blank(message), scanned.status(), now,
                    now.plus(options.settings().retention()), about == null ? null : about.personId(), null, null);
            if (about != null) {
                String fault = enterAbout(sender, about, file, named, to.facilityId(), members);
                if (fault != null) {
                    deleteQuietly(part);
                    faults.add(fault);
                } else {
                    stored.add(store.find(id).orElseThrow());
                }
                continue;
            }
            try {
                audit.allOrNothing(() -> {
                    store.insert(file, named, to.facilityId(), members);
                    audit.record(AuditEntry.of(AuditAction.CREATE, Outcome.PERMIT).on("BoxFile", id)
                            .reason("box.uploaded " + size + " bytes to " + recipients.size()));
                    return null;
                });
            } catch (RuntimeException e) {
                deleteQuietly(part);
                throw e;
            }
            stored.add(store.find(id).orElseThrow());
        }
        return new Sent(List.copyOf(stored), List.copyOf(faults));
    }

    /**
     * How many bytes the sender may still upload: the smaller of the per-file limit and what their quota has left
     * (files not yet expired count); 0 or less refuses any upload. Told before a resumable upload begins, so that a
     * file too large is refused before any of it is stored.
     */
    public long room(Reader sender) {
        return Math.min(options.settings().fileMaxBytes(),
                options.settings().quotaBytes() - store.usedBytes(sender.userId(), clock.instant()));
    }

    /** The per-file limit ({@code musubi.box.file-max-size}). */
    public long fileMaxBytes() {
        return options.settings().fileMaxBytes();
    }

    /** Whether this node is a read-only standby (uploads refused, downloads work). */
    public boolean readOnly() {
        return options.readOnly().getAsBoolean();
    }

    /** Files sent to the reader and not expired. */
    public List<BoxFile> received(Reader reader) {
        return store.received(reader.userId(), clock.instant());
    }

    /** Files the reader sent and not expired. */
    public List<BoxFile> sent(Reader reader) {
        return store.sent(reader.userId(), clock.instant());
    }

    /** How many files wait for the reader (sent to them, not yet downloaded, not expired). */
    public int waiting(Reader reader) {
        return store.waiting(reader.userId(), clock.instant());
    }

    /** Who a file of the reader's was sent to and when each downloaded it; empty when it is not the reader's. */
    public Optional<List<BoxStore.Recipient>> recipients(Reader reader, UUID id) {
        return store.find(id).filter(f -> f.senderUser() == reader.userId() && !f.expired(clock.instant()))
                .map(f -> store.recipients(id));
    }

    /**
     * The file when the reader may have it now — its sender or a recipient, not expired, its scan allowing it: the
     * rules of {@link #download}, checked and audited by nothing else (for callers that audit what they do with it,
     * such as the WOPI host). Empty for everyone else, an unknown id, an expired or held file alike.
     */
    public Optional<BoxFile> readable(Reader reader, UUID id) {
        return reachable(reader, id).filter(f -> f.personId() == null
                || options.patients() != null && options.patients().permits(reader, f));
    }

    /** The file if the reader is its sender or a recipient, it is not expired and its scan allows it (no policy yet). */
    private Optional<BoxFile> reachable(Reader reader, UUID id) {
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
    private String refusal(Reader reader, UUID id) {
        return lostFor(reader, id).isPresent() ? LOST : NOT_FOUND;
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
                audit.record(AuditEntry.of(AuditAction.UPDATE, Outcome.PERMIT).on("BoxFile", file.id()).reason(LOST)
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
        MessageDigest digest = sha256();
        try (InputStream in = content.get()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest()).equals(file.sha256());
    }

    /** A download: the file and its content, to be closed; the content fails at its end when its SHA-256 differs. */
    public record Download(BoxFile file, InputStream content) {
    }

    /**
     * The file's content for its sender or a recipient, while it is not expired and its scan allows it; audited once
     * whatever the answer. Empty for everyone else, an unknown id, an expired or held file alike.
     */
    public Optional<Download> download(Reader reader, UUID id) {
        Instant now = clock.instant();
        Optional<BoxFile> file = reachable(reader, id);
        Optional<InputStream> content = Optional.empty();
        if (file.isPresent()) {
            try {
                content = blobs.open(file.get().part());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (file.isEmpty() || content.isEmpty()) {
            audit.record(AuditEntry.of(AuditAction.READ, Outcome.DENY).on("BoxFile", String.valueOf(id))
                    .reason(refusal(reader, id)));
            return Optional.empty();
        }
        BoxFile f = file.get();
        if (f.personId() != null) {
            InputStream opened = content.get();
            Optional<Download> decided = aboutPatient(reader, f, () -> {
                if (f.senderUser() != reader.userId() && !options.readOnly().getAsBoolean()) {
                    store.downloaded(f.id(), reader.userId(), now);
                }
                return new Download(f, new Checked(opened, f.sha256()));
            });
            if (decided.isEmpty()) {
                closeQuietly(opened);
            }
            return decided;
        }
        if (f.senderUser() != reader.userId() && !options.readOnly().getAsBoolean()) {
            store.downloaded(f.id(), reader.userId(), now);
        }
        audit.record(AuditEntry.of(AuditAction.READ, Outcome.PERMIT).on("BoxFile", f.id()).reason("box.downloaded"));
        return Optional.of(new Download(f, new Checked(content.get(), f.sha256())));
    }

    /** How long a view's page may fetch what it shows with the view's pass (one audit row for the page and its content). */
    public static final Duration VIEW_PASS = Duration.ofMinutes(10);

    /** A file viewed in the browser (previewed): the file, and the pass its page fetches the content with. */
    public record View(BoxFile file, ViewPass pass) {
    }

    /**
     * What {@link #view} gives the page it audited, for fetching the content it shows without another audit row: the
     * file, the user and when. Made by {@link #view} and kept in the user's (sealed) session; a pass only spares the content
     * its own audit row: the rules and the policy are checked again.
     */
    public record ViewPass(UUID file, long user, Instant at) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }


    /**
     * A view (a preview in the browser) of a file, by the rules of a download and audited once like one — {@code READ
     * box.viewed}; for a file about a patient the access policy decides now and its one row names the patient — without
     * marking it downloaded. Empty, audited like a refused download, for everyone else, an unknown id, an expired or
     * held file alike.
     */
    public Optional<View> view(Reader reader, UUID id) {
        Optional<BoxFile> file = reachable(reader, id);
        if (file.isEmpty()) {
            audit.record(AuditEntry.of(AuditAction.READ, Outcome.DENY).on("BoxFile", String.valueOf(id))
                    .reason(refusal(reader, id)));
            return Optional.empty();
        }
        BoxFile f = file.get();
        ViewPass pass = new ViewPass(f.id(), reader.userId(), clock.instant());
        if (f.personId() != null) {
            return aboutPatient(reader, f, () -> new View(f, pass));
        }
        audit.record(AuditEntry.of(AuditAction.READ, Outcome.PERMIT).on("BoxFile", f.id()).reason("box.viewed"));
        return Optional.of(new View(f, pass));
    }

    /**
     * The content of a file being viewed, for the page {@link #view} audited (its pass: the same user, at most
     * {@link #VIEW_PASS} ago): the rules and the policy are checked again ({@link #readable}), and a file refused now
     * (expired, a recipient no longer a member, a consent withdrawn…) is audited like a refused download; otherwise no
     * second audit row. Fails at its end like a download when its SHA-256 differs.
     */
    public Optional<Download> viewed(Reader reader, ViewPass pass) {
        boolean fresh = pass != null && pass.user == reader.userId() && !pass.at.plus(VIEW_PASS).isBefore(clock.instant());
        Optional<BoxFile> file = fresh ? readable(reader, pass.file) : Optional.empty();
        Optional<InputStream> content = file.isEmpty() ? Optional.empty() : contentOf(file.get());
        if (content.isEmpty()) {
            audit.record(AuditEntry.of(AuditAction.READ, Outcome.DENY)
                    .on("BoxFile", String.valueOf(pass == null ? null : pass.file)).reason(NOT_FOUND));
            return Optional.empty();
        }
        return Optional.of(new Download(file.get(), new Checked(content.get(), file.get().sha256())));
    }

    private Optional<InputStream> contentOf(BoxFile file) {
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
     * Deletes every file expired now: its content (and its preview), then its rows with one audit row (in one
     * transaction), so that a sweep cut off anywhere is finished by the next (content gone and rows kept: the rows go
     * next time; never rows gone and content kept), and a file is deleted and audited once however often it runs. Then
     * the parts a crashed upload left without rows go ({@link #removeLeftovers}). Skipped on a read-only standby.
     * Returns how many files were deleted.
     */
    public int sweep() {
        if (options.readOnly().getAsBoolean()) {
            return 0;
        }
        int deleted = 0;
        List<BoxFile> batch;
        do {
            batch = store.expired(clock.instant(), 100);
            for (BoxFile file : batch) {
                try {
                    blobs.delete(previewPart(file));
                    blobs.delete(file.part());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                boolean gone = audit.allOrNothing(() -> {
                    boolean removed = store.delete(file.id());
                    if (removed) {
                        audit.record(AuditEntry.of(AuditAction.DELETE, Outcome.PERMIT).on("BoxFile", file.id())
                                .reason("box.expired").by(Actor.system("box-sweep")));
                    }
                    return removed;
                });
                deleted += gone ? 1 : 0;
            }
        } while (batch.size() == 100);
        removeLeftovers(clock.instant());
        store.sweepFinished(clock.instant(), deleted);
        return deleted;
    }

    /**
     * Removes the parts of files that have no row and that were written longer than the retention ago: content an
     * upload stored before a crash kept it from writing its rows (or an edited version's leftover of a file since
     * deleted). A file's part is written before its rows and a file lives no longer than the retention, so no upload in
     * progress and no live file is among them; no audit row, as no file was ever shared (its upload's row and audit row
     * are written together). Object storage lists no parts: a lifecycle rule
     * removes them there (docs/box.md).
     */
    private void removeLeftovers(Instant now) {
        int removed = 0;
        try {
            for (BoxContent.Part part : blobs.writtenBefore(now.minus(options.settings().retention()))) {
                if (store.find(part.file()).isEmpty()) {
                    blobs.delete(part.name());
                    removed++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (removed > 0) {
            log.warn("The Box expiry sweep removed {} leftover parts that no file names (uploads cut off by a crash)",
                    removed);
        }
    }

    /** Whether uploads are scanned for malware (the operators are warned when not). */
    public boolean scanning() {
        return blobs.scanning();
    }

    /** When the sweep last finished, for the operators (an alert after an hour without). */
    public Optional<Instant> lastSweep() {
        return store.lastSweep();
    }

    /** Why a send about a patient is refused (audited once), or null; leaves out members the policy refuses. */
    private String refusedAbout(Reader sender, About about, Set<Long> named, Set<Long> members) {
        BoxPatients patients = options.patients();
        if (patients == null) {
            return "box.fault.patient";
        }
        if (!patients.standing(sender, about.personId())) {
            patients.refuse(sender, about.personId(), new Deny(Deny.NO_STANDING));
            return "box.fault.patient";
        }
        Set<Long> all = new LinkedHashSet<>(named);
        all.addAll(members);
        Map<Long, Decision> decisions = patients.recipients(about.personId(), sender.facilityId(), all);
        Optional<Decision> namedRefusal = named.stream().map(decisions::get).filter(d -> !d.permitted()).findFirst();
        if (namedRefusal.isPresent()) {
            patients.refuse(sender, about.personId(), namedRefusal.get());
            return "box.fault.recipientNotPermitted";
        }
        Optional<Decision> memberRefusal = members.stream().map(decisions::get).filter(d -> !d.permitted()).findFirst();
        members.removeIf(m -> !decisions.get(m).permitted());
        if (named.isEmpty() && members.isEmpty()) {
            patients.refuse(sender, about.personId(), memberRefusal.orElseThrow());
            return "box.fault.recipientNotPermitted";
        }
        return null;
    }

    /** One file about a patient sent in one interaction (audited once): its rows, and its record document if asked. */
    private String enterAbout(Reader sender, About about, BoxFile file, Set<Long> named, Long facility,
                              Set<Long> members) {
        BoxPatients patients = options.patients();
        if (about.attach() && file.size() > patients.attachMaxBytes()) {
            return "box.fault.attachTooLarge";
        }
        Interaction<BoxPatients.Entered> entered = patients.enter(sender, about.personId(), file,
                store.name(sender.userId()), about.attach(), () -> {
                    try {
                        return blobs.open(file.part()).orElseThrow(() -> new IOException("box: content missing"));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, document -> {
                    store.insert(new BoxFile(file.id(), file.senderUser(), file.senderFacility(), null, file.name(),
                            file.contentType(), file.size(), file.sha256(), file.message(), file.scan(),
                            file.uploadedAt(), file.expiresAt(), file.personId(), document, file.part()), named, facility,
                            members);
                    return null;
                });
        if (!entered.permitted() || entered.value() == null) {
            return "box.fault.patient";
        }
        return entered.value().fault();
    }

    /**
     * A download or view of a file about a patient, decided by the access policy now and audited once by it ({@code
     * open} runs only when permitted); without the policy's side (a Box made without it) refused and audited here.
     */
    private <T> Optional<T> aboutPatient(Reader reader, BoxFile file, java.util.function.Supplier<T> open) {
        if (options.patients() == null) {
            audit.record(AuditEntry.of(AuditAction.READ, Outcome.DENY).on("BoxFile", file.id()).reason(NOT_FOUND));
            return Optional.empty();
        }
        Interaction<T> decided = options.patients().download(reader, file, open);
        return decided.permitted() ? Optional.of(decided.value()) : Optional.empty();
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing was read
        }
    }

    private void deleteQuietly(String part) {
        try {
            blobs.delete(part);
        } catch (IOException ignored) {
            // the upload failed already; a leftover part is removed by nothing else, and holds no row
        }
    }

    private static String name(String name) {
        String n = name == null ? "" : name.replaceAll("[\\\\/\\p{Cntrl}]", "_").strip();
        return n.isEmpty() ? "file" : n.length() > 255 ? n.substring(0, 255) : n;
    }

    private static String type(String type) {
        return type == null || type.isBlank() || type.length() > 200 ? "application/octet-stream" : type.strip();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The content as stored, failing at its end when its SHA-256 is not the one recorded at upload. */
    private static final class Checked extends FilterInputStream {
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
