package org.musubi.backup;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;

/**
 * Encrypts a stream of any length into authenticated chunks (AES-256-GCM, the STREAM construction): a
 * {@link SealedHeader}, then chunks of at most the chunk size, each written as its length and its
 * ciphertext with the 16-byte tag. A chunk's nonce and additional data both carry its index and whether it
 * is the last one, and the additional data the header's digest, so a changed, moved, removed or added chunk
 * and a cut-off end are all detected by {@link SealedInputStream}. At most one chunk is held in memory;
 * an empty stream still has its one, final chunk.
 */
final class SealedOutputStream extends OutputStream {

    static final int DEFAULT_CHUNK = 1 << 20;
    static final int ITERATIONS = 600_000;
    private final DataOutputStream out;
    private final SealedChunks chunks;
    private final byte[] buffer;
    private int filled;
    private boolean closed;

    public SealedOutputStream(OutputStream out, BackupKey key) throws IOException {
        this(out, key, DEFAULT_CHUNK, ITERATIONS);
    }

    SealedOutputStream(OutputStream out, BackupKey key, int chunkSize, int iterations) throws IOException {
        byte[] salt = new byte[SealedHeader.SALT_BYTES];
        new SecureRandom().nextBytes(salt);
        BackupKey.Derived keys = key.derive(salt, iterations);
        SealedHeader header = new SealedHeader(iterations, salt, chunkSize, keys.check());
        this.out = new DataOutputStream(out);
        this.chunks = new SealedChunks(keys.encryption(), header.digest());
        this.buffer = new byte[chunkSize];
        this.out.write(header.bytes());
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
        while (length > 0) {
            if (filled == buffer.length) {
                seal(false);
            }
            int n = Math.min(length, buffer.length - filled);
            System.arraycopy(bytes, offset, buffer, filled, n);
            filled += n;
            offset += n;
            length -= n;
        }
    }

    /** Seals the last chunk; without this the archive reads as cut off. */
    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            seal(true);
            out.close();
        }
    }

    private void seal(boolean last) throws IOException {
        try {
            Cipher cipher = chunks.cipher(Cipher.ENCRYPT_MODE, last);
            byte[] sealed = cipher.doFinal(buffer, 0, filled);
            out.writeInt(sealed.length);
            out.write(sealed);
            filled = 0;
            chunks.next();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        }
    }
}
