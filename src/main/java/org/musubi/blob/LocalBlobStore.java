package org.musubi.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Blobs in a local directory, content-addressed: {@code <root>/ab/cd/<sha256>}. A blob is written to a
 * temporary file while its hash is computed, flushed to disk, then moved into place atomically, so a
 * crash never leaves a half-written blob under its final name.
 */
public final class LocalBlobStore implements BlobStore {

    private final Path root;

    public LocalBlobStore(Path root) throws IOException {
        this.root = Files.createDirectories(root);
        Files.createDirectories(root.resolve("tmp"));
    }

    @Override
    public Blob put(InputStream content, long maxBytes) throws IOException {
        MessageDigest digest = sha256();
        Path temporary = Files.createTempFile(root.resolve("tmp"), "upload-", ".part");
        long size = 0;
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                byte[] buffer = new byte[64 * 1024];
                for (int read = content.read(buffer); read >= 0; read = content.read(buffer)) {
                    size += read;
                    if (size > maxBytes) {
                        throw new TooLarge(maxBytes);
                    }
                    digest.update(buffer, 0, read);
                    out.write(buffer, 0, read);
                }
            }
            try (var channel = java.nio.channels.FileChannel.open(temporary, java.nio.file.StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            String hash = HexFormat.of().formatHex(digest.digest());
            Path target = path(hash);
            Files.createDirectories(target.getParent());
            if (!Files.exists(target)) {
                move(temporary, target);
            }
            return new Blob(hash, hash, size);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    @Override
    public Optional<InputStream> open(String key) throws IOException {
        if (key == null || !key.matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        Path file = path(key);
        return Files.exists(file) ? Optional.of(Files.newInputStream(file)) : Optional.empty();
    }

    private Path path(String hash) {
        return root.resolve(hash.substring(0, 2)).resolve(hash.substring(2, 4)).resolve(hash);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
