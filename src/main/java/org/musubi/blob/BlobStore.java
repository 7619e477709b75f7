package org.musubi.blob;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Where documents, images and shared files live: a local directory by default, object storage by
 * configuration. Content is streamed in and out, never held whole in memory.
 */
public interface BlobStore {

    /** Stores the stream's content; refuses with {@link TooLarge} beyond {@code maxBytes}, keeping nothing. */
    Blob put(InputStream content, long maxBytes) throws IOException;

    /** The content of a stored blob, to be closed by the caller; empty when there is no such blob. */
    Optional<InputStream> open(String key) throws IOException;

    /** Content over the size limit. */
    final class TooLarge extends IOException {
        public TooLarge(long limit) {
            super("content exceeds " + limit + " bytes");
        }
    }
}
