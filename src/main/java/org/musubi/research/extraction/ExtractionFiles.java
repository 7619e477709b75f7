package org.musubi.research.extraction;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.musubi.blob.Blob;
import org.musubi.blob.BlobStore;
import org.musubi.deid.DeidPipeline;

/**
 * An extraction's files in the blob store's parts ({@code research-<extraction>-<n>}: named by the extraction, so that
 * they can be deleted when it expires; blobs are kept by content and never deleted). The pipeline writes each resource
 * type's NDJSON to a temporary file first (the store takes a stream in, the pipeline writes one out), which is then
 * stored and always deleted.
 */
public final class ExtractionFiles {

    private static final String PREFIX = "research-";
    private final BlobStore blobs;

    public ExtractionFiles(BlobStore blobs) {
        this.blobs = blobs;
    }

    /** Temporary NDJSON files per resource type, written by the pipeline and then stored. */
    public final class Staging implements DeidPipeline.NdjsonSink, AutoCloseable {

        private final long extractionId;
        private final Path directory;
        private final Map<String, Path> written = new LinkedHashMap<>();

        Staging(long extractionId) throws IOException {
            this.extractionId = extractionId;
            this.directory = Files.createTempDirectory("musubi-extraction-");
        }

        @Override
        public OutputStream open(String resourceType) throws IOException {
            if (!resourceType.matches("[A-Za-z]{1,64}") || written.containsKey(resourceType)) {
                throw new IOException("not a resource type, or opened twice");
            }
            Path file = directory.resolve(resourceType + ".ndjson");
            written.put(resourceType, file);
            return new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        }

        /** Stores each NDJSON file and the report; the files with how many resources each holds. */
        public List<Extraction.File> store(Map<String, Long> resources, String report) throws IOException {
            List<Extraction.File> files = new ArrayList<>();
            int n = 0;
            for (Map.Entry<String, Path> e : written.entrySet()) {
                String part = part(extractionId, n++);
                Blob blob;
                try (InputStream in = Files.newInputStream(e.getValue())) {
                    blob = blobs.putPartHashed(part, in, Long.MAX_VALUE);
                }
                files.add(new Extraction.File(e.getKey() + ".ndjson", part, blob.sha256(), blob.size(),
                        resources.getOrDefault(e.getKey(), 0L)));
            }
            String part = part(extractionId, n);
            Blob blob = blobs.putPartHashed(part, new java.io.ByteArrayInputStream(report.getBytes(StandardCharsets.UTF_8)),
                    Long.MAX_VALUE);
            files.add(new Extraction.File("report.json", part, blob.sha256(), blob.size(), 0));
            return files;
        }

        @Override
        public void close() throws IOException {
            try (Stream<Path> paths = Files.walk(directory)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }

    /** A staging area for the extraction's files; close it to delete the temporary files. */
    public Staging staging(long extractionId) throws IOException {
        return new Staging(extractionId);
    }

    /** A stored file's content, to be closed by the caller. */
    public Optional<InputStream> open(Extraction.File file) throws IOException {
        return blobs.openPart(file.part());
    }

    /** Deletes the extraction's stored files. */
    public void delete(Extraction extraction) throws IOException {
        for (Extraction.File f : extraction.files()) {
            blobs.deletePart(f.part());
        }
    }

    static String part(long extractionId, int n) {
        return PREFIX + extractionId + "-" + n;
    }
}
