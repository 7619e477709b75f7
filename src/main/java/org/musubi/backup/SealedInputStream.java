package org.musubi.backup;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;

/**
 * Reads what {@link SealedOutputStream} wrote, giving out only authenticated bytes. Refuses with a
 * {@link BackupRefused} naming the cause: not an archive, a wrong key (found from the header before any
 * chunk is read), a changed, moved or added chunk ({@code damaged}), or a missing end ({@code truncated}).
 */
final class SealedInputStream extends InputStream {

    private final DataInputStream in;
    private final SealedChunks chunks;
    private final int chunkSize;
    private byte[] plain = new byte[0];
    private int position;
    private boolean ended;
    private int nextLength;

    public SealedInputStream(InputStream in, BackupKey key) throws IOException {
        SealedHeader header = SealedHeader.read(in);
        BackupKey.Derived keys = key.derive(header.salt(), header.iterations());
        if (!MessageDigest.isEqual(keys.check(), header.keyCheck())) {
            throw new BackupRefused("backup.archive.wrongKey");
        }
        this.in = new DataInputStream(in);
        this.chunks = new SealedChunks(keys.encryption(), header.digest());
        this.chunkSize = header.chunkSize();
        this.nextLength = readLength();
        if (nextLength < 0) {
            throw new BackupRefused("backup.archive.truncated");
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (position == plain.length) {
            if (ended) {
                return -1;
            }
            open();
        }
        int n = Math.min(length, plain.length - position);
        System.arraycopy(plain, position, bytes, offset, n);
        position += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Reads and opens the next chunk; the one after it tells whether this one must be the last. */
    private void open() throws IOException {
        int length = nextLength;
        if (length < 16 || length > chunkSize + 16) {
            throw new BackupRefused("backup.archive.damaged");
        }
        byte[] sealed = new byte[length];
        try {
            in.readFully(sealed);
        } catch (EOFException e) {
            throw new BackupRefused("backup.archive.truncated");
        }
        nextLength = readLength();
        boolean last = nextLength < 0;
        byte[] opened = decrypt(sealed, last);
        if (opened == null) {
            throw new BackupRefused(decrypt(sealed, !last) == null ? "backup.archive.damaged"
                    : last ? "backup.archive.truncated" : "backup.archive.damaged");
        }
        plain = opened;
        position = 0;
        ended = last;
        chunks.next();
    }

    private byte[] decrypt(byte[] sealed, boolean last) throws IOException {
        try {
            return chunks.cipher(Cipher.DECRYPT_MODE, last).doFinal(sealed);
        } catch (AEADBadTagException e) {
            return null;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        }
    }

    /** The next chunk's length, or -1 at the end of the file. */
    private int readLength() throws IOException {
        int first = in.read();
        if (first < 0) {
            return -1;
        }
        byte[] rest = new byte[3];
        try {
            in.readFully(rest);
        } catch (EOFException e) {
            throw new BackupRefused("backup.archive.truncated");
        }
        return first << 24 | (rest[0] & 0xff) << 16 | (rest[1] & 0xff) << 8 | rest[2] & 0xff;
    }
}
