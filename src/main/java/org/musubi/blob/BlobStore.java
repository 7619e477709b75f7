package org.musubi.blob;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
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

    /**
     * Stores a part of something still arriving (a resumable upload's bytes) under {@code name} in the store's part
     * area ({@code parts/<name>}): named by its writer, not by its content, so that it can be removed without touching
     * any blob; left out of backups unless its owner keeps it ({@link KeptParts}: Box files, bulk exports, research
     * extractions; an upload's parts in progress are not). Refuses with {@link TooLarge} beyond {@code maxBytes},
     * keeping nothing.
     *
     * @return the bytes stored
     */
    long putPart(String name, InputStream content, long maxBytes) throws IOException;

    /**
     * {@link #putPart}, also telling the content's SHA-256 (as {@link #put} does for a blob): stores that compute it
     * anyway on the way in say it without reading the content twice.
     *
     * @return the part as a {@link Blob}: its name as the key, its SHA-256 and size
     */
    default Blob putPartHashed(String name, InputStream content, long maxBytes) throws IOException {
        java.security.MessageDigest sha256;
        try {
            sha256 = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long size = putPart(name, new java.security.DigestInputStream(content, sha256), maxBytes);
        return new Blob(name, java.util.HexFormat.of().formatHex(sha256.digest()), size);
    }

    /** A part's content, to be closed by the caller; empty when there is no such part. */
    Optional<InputStream> openPart(String name) throws IOException;

    /** Removes a part; nothing when there is none. */
    void deletePart(String name) throws IOException;

    /**
     * The names of the parts beginning with {@code prefix} last written before {@code before}, for the parts' owner to
     * find what a crash left behind. None from a store that cannot list its parts: object storage, where a lifecycle
     * rule on {@code parts/} removes leftovers.
     */
    default List<String> partsWrittenBefore(String prefix, Instant before) throws IOException {
        return List.of();
    }

    /**
     * The names of the parts beginning with {@code prefix}, in name order, for a backup to copy ({@link KeptParts}); the
     * stream is to be closed by the caller. Empty for a store that cannot list its parts (object storage, whose bucket
     * the operator keeps safe by its own means), which backups leave out.
     */
    default Optional<Stream<String>> partNames(String prefix) throws IOException {
        return Optional.empty();
    }

    /** Whether {@code name} can name a part: lower-case letters, digits and hyphens, at most 100. */
    static boolean isPartName(String name) {
        return name != null && name.matches("[0-9a-z][0-9a-z-]{0,99}");
    }

    /** Where a part lives under a store's root. */
    static String partPath(String name) {
        if (!isPartName(name)) {
            throw new IllegalArgumentException("not a part name: " + name);
        }
        return "parts/" + name;
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
