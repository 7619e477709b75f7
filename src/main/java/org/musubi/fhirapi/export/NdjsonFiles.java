package org.musubi.fhirapi.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.musubi.blob.BlobStore;

/**
 * An export's NDJSON files while it runs: one temporary file per resource type on local disk (never the whole export
 * in memory), then each stored as a part of the blob store ({@code bulk-<job id>-<seq>}), in the order of the types'
 * names. The temporary files are deleted when closed.
 */
final class NdjsonFiles implements AutoCloseable {

    private final Path directory;
    private final Map<String, Open> open = new TreeMap<>();

    NdjsonFiles() {
        try {
            directory = Files.createTempDirectory("musubi-bulk-export-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The part an export's file {@code seq} is stored under. */
    static String part(UUID job, int seq) {
        return "bulk-" + job + "-" + seq;
    }

    /** Appends one resource (JSON on one line) to its type's file. */
    void add(String type, String json) {
        try {
            Open file = open.get(type);
            if (file == null) {
                Path path = directory.resolve(type + ".ndjson");
                file = new Open(path, Files.newBufferedWriter(path, StandardCharsets.UTF_8));
                open.put(type, file);
            }
            file.writer().write(json);
            file.writer().write('\n');
            file.count++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Resources written so far per type. */
    Map<String, Long> counts() {
        Map<String, Long> counts = new TreeMap<>();
        open.forEach((type, file) -> counts.put(type, file.count));
        return counts;
    }

    /** Stores every type's file in the blob store; a file over {@code maxBytes} fails the export. */
    List<ExportJob.ExportFile> store(BlobStore blobs, UUID job, long maxBytes) throws IOException {
        List<ExportJob.ExportFile> files = new ArrayList<>();
        int seq = 0;
        for (var entry : open.entrySet()) {
            Open file = entry.getValue();
            file.writer().close();
            String part = part(job, ++seq);
            long bytes;
            try (InputStream in = Files.newInputStream(file.path())) {
                bytes = blobs.putPart(part, in, maxBytes);
            }
            files.add(new ExportJob.ExportFile(seq, entry.getKey(), part, file.count, bytes));
        }
        return files;
    }

    @Override
    public void close() {
        for (Open file : open.values()) {
            try {
                file.writer().close();
                Files.deleteIfExists(file.path());
            } catch (IOException e) {
                // a temporary file left behind is the operating system's to clean
            }
        }
        try {
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            // as above
        }
    }

    private static final class Open {
        private final Path path;
        private final BufferedWriter writer;
        private long count;

        Open(Path path, BufferedWriter writer) {
            this.path = path;
            this.writer = writer;
        }

        Path path() {
            return path;
        }

        BufferedWriter writer() {
            return writer;
        }
    }
}
