package org.musubi.phr.checkups;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.musubi.blob.Blob;
import org.musubi.blob.BlobStore;
import org.musubi.photos.PhotoSanitizer;
import org.musubi.registry.FieldFault;

/**
 * The photo of a paper result: made safe before anything is stored ({@link PhotoSanitizer}: JPEG or PNG only, within
 * the size limit, encoded again without EXIF location or any other metadata), kept in the blob store under its SHA-256
 * only inside the save that the access policy permitted.
 */
public final class PaperPhotos {

    private final BlobStore blobs;
    private final PhotoSanitizer sanitizer = new PhotoSanitizer();
    private final long maxBytes;

    public PaperPhotos(BlobStore blobs, long maxBytes) {
        this.blobs = blobs;
        this.maxBytes = maxBytes;
    }

    /** The largest upload taken, in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    /** An upload made safe, or why it was refused (a fault on {@code photo}). */
    public record Checked(PhotoSanitizer.Sanitized photo, FieldFault fault) {
    }

    /** Makes the uploaded picture safe; nothing is stored. */
    public Checked check(String fileName, byte[] bytes) {
        try {
            return new Checked(sanitizer.sanitize(fileName, bytes, maxBytes), null);
        } catch (PhotoSanitizer.Refused e) {
            return new Checked(null, new FieldFault("photo", e.messageKey(), e.args()));
        }
    }

    /** Keeps a safe picture; its blob key, type and size. */
    PaperFhir.Photo keep(PhotoSanitizer.Sanitized photo) {
        try {
            Blob blob = blobs.put(new ByteArrayInputStream(photo.bytes()), maxBytes);
            return new PaperFhir.Photo(blob.sha256(), photo.mediaType(), blob.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
