package org.musubi.ingest.ssmix2;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.musubi.ingest.adapter.Problem;
import org.musubi.ingest.adapter.SourceFile;

/** One thing found walking an SS-MIX2 storage: a file to read, or a file that has no place in it. */
public sealed interface StorageEntry permits StorageEntry.StoredFile, StorageEntry.Stray {

    /** Relative to the storage root, {@code /}-separated: what {@link SourceFile#name()} is for the reader. */
    String relativePath();

    /**
     * A file with an SS-MIX2 name (a standardized-storage message or an extended-storage main document).
     * Size and last-modified time let the caller skip files it has read before. An extended-storage main document
     * comes with the other entries of its content folder as {@code attachments}; its size and time are then the
     * content folder's ({@link ContentFolder}).
     */
    record StoredFile(String relativePath, long size, Instant lastModified, Path path, List<SourceFile> attachments)
            implements StorageEntry {

        public StoredFile {
            attachments = List.copyOf(attachments);
        }

        /** A file that comes alone (a standardized-storage message). */
        public StoredFile(String relativePath, long size, Instant lastModified, Path path) {
            this(relativePath, size, lastModified, path, List.of());
        }

        public SourceFile source() {
            return new SourceFile(relativePath, size, () -> Files.newInputStream(path), attachments);
        }
    }

    /** A file (or folder) that is not an SS-MIX2 file where it sits, with the problem that says why. */
    record Stray(String relativePath, Problem problem) implements StorageEntry {
    }
}
