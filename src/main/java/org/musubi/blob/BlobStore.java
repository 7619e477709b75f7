package org.musubi.blob;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where documents, images and shared files live: a local directory by default, object storage by
 * configuration. Content is streamed in and out, never held whole in memory.
 */
public interface BlobStore {

    /** Stores the stream's content; refuses with {@link TooLarge} beyond {@code maxBytes}, keeping nothing. */
    Blob put(InputStream content, long maxBytes) throws IOException;

    /** The content of a stored blob, to be closed by the caller; empty when there is no such blob. */
    Optional<InputStream> open(String key) throws IOException;

    /**
     * The keys of all blobs held, for a backup to copy; the stream is to be closed by the caller. Empty for
     * a store whose content is kept safe by the store's own means (object storage: versioning, object lock,
     * replication), which backups leave out.
     */
    default Optional<Stream<String>> keys() throws IOException {
        return Optional.empty();
    }

    /** Whether {@code key} can name a blob at all: a SHA-256 in lower-case hex. */
    static boolean isKey(String key) {
        return key != null && key.matches("[0-9a-f]{64}");
    }

    /**
     * Where a blob lives under a store's root, the same in every store ({@code ab/cd/<sha256>}), so
     * that a store is moved to another by copying its files as they are.
     */
    static String path(String key) {
        if (!isKey(key)) {
            throw new IllegalArgumentException("not a blob key: " + key);
        }
        return key.substring(0, 2) + "/" + key.substring(2, 4) + "/" + key;
    }

    /** Content over the size limit. */
    final class TooLarge extends IOException {
        public TooLarge(long limit) {
            super("content exceeds " + limit + " bytes");
        }
    }
}
