package org.musubi.blob;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Content received into a temporary file while its SHA-256 and size are counted, so that a store can
 * name it by its hash before keeping it. Only a fixed buffer is ever in memory. Closing deletes the
 * file unless the store has moved it away.
 */
public final class SpooledContent implements Closeable {

    private final Path file;
    private final String sha256;
    private final long size;

    private SpooledContent(Path file, String sha256, long size) {
        this.file = file;
        this.sha256 = sha256;
        this.size = size;
    }

    /**
     * Reads the stream to its end into a new file in {@code directory}; refuses with
     * {@link BlobStore.TooLarge} beyond {@code maxBytes}, keeping nothing.
     */
    public static SpooledContent receive(InputStream content, long maxBytes, Path directory) throws IOException {
        MessageDigest digest = newDigest();
        Path file = Files.createTempFile(Files.createDirectories(directory), "upload-", ".part");
        long size = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int read = content.read(buffer); read >= 0; read = content.read(buffer)) {
                size += read;
                if (size > maxBytes) {
                    throw new BlobStore.TooLarge(maxBytes);
                }
                digest.update(buffer, 0, read);
                out.write(buffer, 0, read);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return new SpooledContent(file, HexFormat.of().formatHex(digest.digest()), size);
    }

    public Path file() {
        return file;
    }

    /** The SHA-256 of the content, lower-case hex. */
    public String sha256() {
        return sha256;
    }

    public long size() {
        return size;
    }

    /** The stored file this content becomes: content-addressed, so its key is its hash. */
    public Blob blob() {
        return new Blob(sha256, sha256, size);
    }

    /** Flushes the file to the disk, for a store that keeps it where it is. */
    public void force() throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
