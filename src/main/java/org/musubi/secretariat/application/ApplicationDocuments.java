package org.musubi.secretariat.application;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.musubi.blob.Blob;
import org.musubi.blob.BlobStore;
import org.musubi.scan.Scanner;
import org.musubi.scan.Verdict;
import org.musubi.registry.FieldFault;

/**
 * The documents the secretariat asks for: PDF, JPEG or PNG (told by their first bytes, not by their name), at most
 * {@code maxBytes} each and {@link #MAX_FILES} per submission, stored in the blob store and, when a malware scanner is
 * configured, scanned there before they are accepted (a file found infected, or one the scanner could not judge, is
 * refused). Without a scanner they are kept marked unscanned, and the secretariat's page says so.
 */
public final class ApplicationDocuments {

    public static final int MAX_FILES = 5;
    private final BlobStore blobs;
    private final Scanner scanner;
    private final long maxBytes;

    public ApplicationDocuments(BlobStore blobs, Scanner scanner, long maxBytes) {
        this.blobs = blobs;
        this.scanner = scanner;
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Stores the uploads (empty ones are skipped); the faults of those refused are added to {@code faults}. */
    public List<ApplicationDocument> store(List<Upload> uploads, Instant now, List<FieldFault> faults) {
        List<Upload> given = uploads.stream().filter(u -> u.size() > 0).toList();
        if (given.size() > MAX_FILES) {
            faults.add(FieldFault.of("documents", "application.documents.tooMany", MAX_FILES));
            return List.of();
        }
        List<ApplicationDocument> stored = new ArrayList<>();
        for (Upload upload : given) {
            String name = fileName(upload.fileName());
            if (upload.size() > maxBytes) {
                faults.add(FieldFault.of("documents", "application.documents.tooLarge", name, maxBytes / (1024 * 1024)));
                continue;
            }
            try {
                storeOne(upload, name, now, faults).ifPresent(stored::add);
            } catch (BlobStore.TooLarge e) {
                faults.add(FieldFault.of("documents", "application.documents.tooLarge", name, maxBytes / (1024 * 1024)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return stored;
    }

    private Optional<ApplicationDocument> storeOne(Upload upload, String name, Instant now, List<FieldFault> faults)
            throws IOException {
        Blob blob;
        String type;
        try (InputStream in = new BufferedInputStream(upload.content().open())) {
            in.mark(8);
            type = contentType(in.readNBytes(8));
            if (type == null) {
                faults.add(FieldFault.of("documents", "application.documents.type", name));
                return Optional.empty();
            }
            in.reset();
            blob = blobs.put(in, maxBytes);
        }
        boolean scanned = scanner.configured();
        if (scanned) {
            Verdict verdict;
            try (InputStream in = blobs.open(blob.key()).orElseThrow(() -> new IOException("stored blob missing"))) {
                verdict = scanner.scan(in, blob.size());
            }
            if (!(verdict instanceof Verdict.Clean)) {
                faults.add(FieldFault.of("documents", verdict instanceof Verdict.Infected
                        ? "application.documents.infected" : "application.documents.notScanned", name));
                return Optional.empty();
            }
        }
        return Optional.of(new ApplicationDocument(0, 0, name, type, blob.key(), blob.size(), scanned, now));
    }

    /** The stored content of a document, to be closed by the caller. */
    public Optional<InputStream> open(ApplicationDocument document) {
        try {
            return blobs.open(document.blobKey());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The type by the file's first bytes: PDF, JPEG, PNG; null for anything else. */
    static String contentType(byte[] head) {
        if (head.length >= 5 && head[0] == '%' && head[1] == 'P' && head[2] == 'D' && head[3] == 'F' && head[4] == '-') {
            return "application/pdf";
        }
        if (head.length >= 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8 && (head[2] & 0xFF) == 0xFF) {
            return "image/jpeg";
        }
        if (head.length >= 8 && (head[0] & 0xFF) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G'
                && head[4] == 0x0D && head[5] == 0x0A && head[6] == 0x1A && head[7] == 0x0A) {
            return "image/png";
        }
        return null;
    }

    /** The name without any directory, control characters or quotes, at most 200 characters. */
    static String fileName(String raw) {
        String name = raw == null ? "" : raw.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (name.isEmpty()) {
            name = "document";
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }
}
