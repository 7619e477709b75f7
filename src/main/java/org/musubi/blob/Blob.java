package org.musubi.blob;

/**
 * A stored file: its key in the store, the SHA-256 of its content (hex) and its size in bytes.
 * Content is addressed by its hash, so the same file stored twice is kept once.
 */
public record Blob(String key, String sha256, long size) {
}
