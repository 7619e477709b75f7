package org.musubi.audit.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.musubi.audit.Actor;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditChain;
import org.musubi.audit.AuditProperties;
import org.musubi.audit.AuditRecord;
import org.musubi.audit.Origin;
import org.musubi.audit.Outcome;
import org.musubi.audit.Purpose;
import org.musubi.database.Standby;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail of a read-only standby: a local file ({@code musubi.audit.spool-directory}, by default
 * {@code ./data/spool}, file {@value #FILE}) that only grows, one JSON line per record, each record hash-chained to the
 * one before it exactly as the trail's rows are ({@link AuditChain}, with the record's number in the spool as its
 * sequence number), starting from a genesis derived from the spool's random id (its first line), and forced to disk
 * before the request that caused it is answered. {@link SpoolMerge} moves it into the trail once the primary is back.
 *
 * <p>A line cut short by a crash (never acknowledged: the request waited for the force) is dropped when the spool is
 * next opened. A removed tail of whole lines cannot be told from a spool that ended there: keep the spool directory on
 * storage only Musubi's account can write.
 */
@Component
class AuditSpool {

    static final String FILE = "audit-spool.jsonl";
    static final String MERGED = "merged";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Standby standby;
    private final Path directory;
    private final Object lock = new Object();
    /** The last record's number and hash, once the spool has been read or made by this process. */
    private Tail last;

    AuditSpool(Standby standby, AuditProperties properties) {
        this.standby = standby;
        this.directory = properties.spoolDirectory().toAbsolutePath().normalize();
    }

    /** Whether audit records go to the spool now (a read-only standby) rather than to the trail. */
    boolean active() {
        return standby.readOnly();
    }

    Path directory() {
        return directory;
    }

    Path file() {
        return directory.resolve(FILE);
    }

    /** The spool's first line: its id, which every record's id and the chain's genesis carry. */
    record Header(String spool, String created) {
    }

    /** One spooled record, as written. */
    record Line(long n, long at, Long userId, String loginId, Long facilityId, String profession, String clientIp,
                String userAgent, String requestId, String action, String resourceType, List<String> resourceIds,
                String patientId, String purpose, String outcome, String reason, String prev, String hash) {

        static Line of(AuditRecord r) {
            HexFormat hex = HexFormat.of();
            return new Line(r.seq(), r.occurredAt().toEpochMilli(), r.actor().userId(), r.actor().loginId(),
                    r.actor().facilityId(), r.actor().profession(), r.origin().clientIp(), r.origin().userAgent(),
                    r.origin().requestId(), r.action().name(), r.resourceType(), r.resourceIds(), r.patientId(),
                    r.purpose().name(), r.outcome().name(), r.reason(), hex.formatHex(r.prevHash()), hex.formatHex(r.hash()));
        }

        AuditRecord record() {
            HexFormat hex = HexFormat.of();
            return new AuditRecord(n, Instant.ofEpochMilli(at), new Actor(userId, loginId, facilityId, profession),
                    new Origin(clientIp, userAgent, requestId), AuditAction.valueOf(action), resourceType,
                    resourceIds == null ? List.of() : resourceIds, patientId, Purpose.valueOf(purpose),
                    Outcome.valueOf(outcome), reason, hex.parseHex(prev), hex.parseHex(hash));
        }
    }

    /** A spool read back and verified: its id and records in order. */
    record Contents(Path file, String spoolId, List<AuditRecord> records) {
    }

    /** A spool whose chain does not hold: never merged. */
    static final class TamperedSpool extends RuntimeException {
        TamperedSpool(Path file, String detail) {
            super("The audit spool " + file + " fails its hash chain (" + detail + "): it is not merged. Keep the file for"
                    + " investigation and move it out of the spool directory to go on. / 監査スプールのハッシュ連鎖が壊れています（"
                    + detail + "）。統合しません。調査のためファイルを保管し、スプールディレクトリから移してください。");
        }
    }

    /**
     * Chains {@code unsealed} to the spool's last record, appends them and forces them to disk; returns them sealed
     * (their sequence numbers are their numbers in the spool, not the trail's).
     */
    List<AuditRecord> append(List<AuditRecord> unsealed) {
        synchronized (lock) {
            try {
                Files.createDirectories(directory);
                Path file = file();
                if (last == null || !Files.exists(file)) {
                    last = Files.exists(file) ? tail(file) : create(file);
                }
                Tail tail = last;
                List<AuditRecord> sealed = new ArrayList<>(unsealed.size());
                StringBuilder lines = new StringBuilder();
                long n = tail.n();
                byte[] previous = tail.hash();
                for (AuditRecord row : unsealed) {
                    AuditRecord chained = row.chainedTo(++n, previous);
                    previous = chained.hash();
                    sealed.add(chained);
                    lines.append(JSON.writeValueAsString(Line.of(chained))).append('\n');
                }
                write(file, lines.toString());
                last = new Tail(n, previous);
                return sealed;
            } catch (IOException e) {
                last = null;
                throw new UncheckedIOException("The audit spool could not be written / 監査スプールに書き込めません", e);
            }
        }
    }

    /** The spool waiting to be merged, read and verified; empty when there is none. */
    Optional<Contents> read() {
        synchronized (lock) {
            Path file = file();
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            try {
                return Optional.of(verified(file, Files.readAllLines(file, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Moves a merged spool aside (under {@value #MERGED}/), so that the next standby period starts a new one. */
    void retire(Contents merged) {
        synchronized (lock) {
            try {
                Path done = directory.resolve(MERGED);
                Files.createDirectories(done);
                Path target = done.resolve("audit-spool-" + merged.spoolId() + ".jsonl");
                if (Files.exists(target)) {
                    // the same spool merged again (put back by hand): both copies are kept
                    target = done.resolve("audit-spool-" + merged.spoolId() + "-" + System.currentTimeMillis() + ".jsonl");
                }
                Files.move(merged.file(), target, StandardCopyOption.ATOMIC_MOVE);
                last = null;
                forceDirectory(directory);
            } catch (IOException e) {
                throw new UncheckedIOException("The merged audit spool could not be moved aside: " + e.getMessage(), e);
            }
        }
    }

    /** The genesis of a spool's chain: bound to its id, so a record cannot be moved to another spool unnoticed. */
    static byte[] genesis(String spoolId) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(("musubi-audit-spool:" + spoolId).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Contents verified(Path file, List<String> lines) {
        if (lines.isEmpty()) {
            throw new TamperedSpool(file, "no header");
        }
        Header header;
        try {
            header = JSON.readValue(lines.getFirst(), Header.class);
        } catch (JacksonException e) {
            throw new TamperedSpool(file, "unreadable header");
        }
        if (header.spool() == null || !header.spool().matches("[0-9a-f]{24}")) {
            throw new TamperedSpool(file, "bad spool id");
        }
        byte[] previous = genesis(header.spool());
        List<AuditRecord> records = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String text = lines.get(i);
            if (text.isBlank() && i == lines.size() - 1) {
                break;
            }
            AuditRecord row;
            try {
                row = JSON.readValue(text, Line.class).record();
            } catch (JacksonException | IllegalArgumentException e) {
                throw new TamperedSpool(file, "line " + (i + 1) + " unreadable");
            }
            if (row.seq() != records.size() + 1) {
                throw new TamperedSpool(file, "record " + (records.size() + 1) + " missing");
            }
            if (!Arrays.equals(row.prevHash(), previous)) {
                throw new TamperedSpool(file, "record " + row.seq() + " not linked to the one before");
            }
            if (!Arrays.equals(AuditChain.hash(previous, row), row.hash())) {
                throw new TamperedSpool(file, "record " + row.seq() + " altered");
            }
            previous = row.hash();
            records.add(row);
        }
        return new Contents(file, header.spool(), List.copyOf(records));
    }

    private record Tail(long n, byte[] hash) {
    }

    /** The last record's number and hash; drops a last line cut short by a crash (it was never acknowledged). */
    private static Tail tail(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int end = bytes.length;
        if (end > 0 && bytes[end - 1] != '\n') {
            int cut = lastIndexOf(bytes, end - 1) + 1;
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(cut);
                channel.force(true);
            }
            end = cut;
        }
        String text = new String(bytes, 0, end, StandardCharsets.UTF_8);
        Contents contents = verified(file, text.lines().toList());
        if (contents.records().isEmpty()) {
            return new Tail(0, genesis(contents.spoolId()));
        }
        AuditRecord last = contents.records().getLast();
        return new Tail(last.seq(), last.hash());
    }

    private static int lastIndexOf(byte[] bytes, int before) {
        for (int i = before; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private Tail create(Path file) throws IOException {
        byte[] id = new byte[12];
        new SecureRandom().nextBytes(id);
        String spoolId = HexFormat.of().formatHex(id);
        write(file, JSON.writeValueAsString(new Header(spoolId, Instant.now().toString())) + "\n");
        forceDirectory(directory);
        return new Tail(0, genesis(spoolId));
    }

    private static void write(Path file, String text) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    /** Makes a file's creation or move durable (POSIX: fsync of the directory); a no-op where not supported. */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // not supported on every platform (Windows): the file's own force still holds its contents
        }
    }
}
