package org.musubi.carenet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.musubi.blob.Blob;
import org.musubi.blob.BlobStore;
import org.musubi.photos.PhotoSanitizer;

/**
 * A care team's (wound) photos: an upload is made safe before anything is stored ({@link PhotoSanitizer}: JPEG or PNG
 * only, within the size limit {@code musubi.phr.photos.max-size}, encoded again without EXIF location or any other
 * metadata), and kept in the blob store under its SHA-256 only inside the entry the team's gate permitted ({@link
 * AddTeamPhoto}); served back only from a Media of the team the reader sees.
 */
public final class TeamPhotos {

    private final BlobStore blobs;
    private final PhotoSanitizer sanitizer = new PhotoSanitizer();
    private final long maxBytes;

    public TeamPhotos(BlobStore blobs, long maxBytes) {
        this.blobs = blobs;
        this.maxBytes = maxBytes;
    }

    /** The largest upload taken, in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    /** A photo as kept: its blob's key, its media type and size. */
    record Kept(String sha256, String mediaType, long size) {
    }

    /** The upload made safe; nothing is stored. @throws PhotoSanitizer.Refused saying why it is refused */
    PhotoSanitizer.Sanitized check(String fileName, byte[] bytes) {
        return sanitizer.sanitize(fileName, bytes, maxBytes);
    }

    Kept keep(PhotoSanitizer.Sanitized photo) {
        try {
            Blob blob = blobs.put(new ByteArrayInputStream(photo.bytes()), maxBytes);
            return new Kept(blob.sha256(), photo.mediaType(), blob.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The kept picture {@code sha256}; empty when the key is malformed or the blob is missing. */
    Optional<InputStream> open(String sha256) {
        if (!BlobStore.isKey(sha256)) {
            return Optional.empty();
        }
        try {
            return blobs.open(sha256);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
