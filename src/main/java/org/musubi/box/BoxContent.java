package org.musubi.box;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.musubi.blob.BlobStore;
import org.musubi.scan.Scanner;
import org.musubi.scan.TooLargePolicy;
import org.musubi.scan.Verdict;

/**
 * A Box file's bytes: streamed into the blob store's part area under the file's own name (with their SHA-256), scanned
 * for malware before any recipient may have them, opened and deleted.
 */
public final class BoxContent {

    /** What every Box file's part name begins with ({@link BoxFile#part}). */
    private static final String PART_PREFIX = "box-";

    private final BlobStore blobs;
    private final Scanner scanner;
    private final TooLargePolicy tooLarge;

    public BoxContent(BlobStore blobs, Scanner scanner, TooLargePolicy tooLarge) {
        this.blobs = blobs;
        this.scanner = scanner;
        this.tooLarge = tooLarge;
    }

    /** Bytes stored: how many and their SHA-256. */
    record Stored(long size, String sha256) {
    }

    /** The scan's outcome for a stored file: its status, and whether the upload is refused (then the bytes are gone). */
    record Scanned(BoxFile.ScanStatus status, String detail, boolean refused) {
    }

    /** @throws BlobStore.TooLarge beyond {@code limit}, keeping nothing */
    Stored store(String part, InputStream content, long limit) throws IOException {
        try (InputStream in = content) {
            org.musubi.blob.Blob stored = blobs.putPartHashed(part, in, limit);
            return new Stored(stored.size(), stored.sha256());
        }
    }

    /**
     * Scans the stored part: clean; infected (kept, quarantined: never downloadable); over the scanner's limit (refused
     * and deleted, or held as not scanned, by the operator's policy); failed (held as not scanned). Without a scanner
     * the file is UNSCANNED (the operators see that scanning is off).
     */
    Scanned scan(String part, long size) throws IOException {
        if (!scanner.configured()) {
            return new Scanned(BoxFile.ScanStatus.UNSCANNED, null, false);
        }
        Verdict verdict;
        Optional<InputStream> in = blobs.openPart(part);
        if (in.isEmpty()) {
            return new Scanned(BoxFile.ScanStatus.NOT_SCANNED, "content missing", false);
        }
        try (InputStream content = in.get()) {
            verdict = scanner.scan(content, size);
        }
        return switch (verdict) {
            case Verdict.Clean c -> new Scanned(BoxFile.ScanStatus.CLEAN, null, false);
            case Verdict.Infected i -> new Scanned(BoxFile.ScanStatus.INFECTED, i.signature(), false);
            case Verdict.TooLarge t -> tooLarge == TooLargePolicy.REFUSE
                    ? new Scanned(BoxFile.ScanStatus.NOT_SCANNED, "too large to scan", true)
                    : new Scanned(BoxFile.ScanStatus.NOT_SCANNED, "too large to scan", false);
            case Verdict.Failed f -> new Scanned(BoxFile.ScanStatus.NOT_SCANNED, f.reason(), false);
        };
    }

    /** Whether files are scanned at all (the operators are warned when not). */
    public boolean scanning() {
        return scanner.configured();
    }

    Optional<InputStream> open(String part) throws IOException {
        return blobs.openPart(part);
    }

    void delete(String part) throws IOException {
        blobs.deletePart(part);
    }

    /** A part of a Box file: its name and the file's id. */
    record Part(String name, UUID file) {
    }

    /**
     * The Box files' parts ({@code box-<id>}, and an edited version's {@code box-<id>-<suffix>}) last written before
     * {@code before}; none from object storage.
     */
    List<Part> writtenBefore(Instant before) throws IOException {
        return blobs.partsWrittenBefore(PART_PREFIX, before).stream().map(BoxContent::part).flatMap(Optional::stream)
                .toList();
    }

    private static Optional<Part> part(String name) {
        int end = PART_PREFIX.length() + 36;
        if (name.length() < end || name.length() > end && name.charAt(end) != '-') {
            return Optional.empty();
        }
        try {
            UUID id = UUID.fromString(name.substring(PART_PREFIX.length(), end));
            return name.startsWith(PART_PREFIX + id) ? Optional.of(new Part(name, id)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // not a Box file's part
        }
    }
}
