package org.musubi.backup;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The unencrypted start of an archive: what is needed to derive its keys. Every chunk's authentication
 * covers the SHA-256 of these bytes, so changing any of them makes the whole archive unreadable.
 *
 * <pre>
 * magic "MUSUBIBK" (8) | format 1 (1) | key derivation 1 = PBKDF2-HMAC-SHA256 (1) | iterations (4)
 * | salt (32) | chunk size (4) | key check (16)
 * </pre>
 */
record SealedHeader(int iterations, byte[] salt, int chunkSize, byte[] keyCheck) {

    static final byte[] MAGIC = "MUSUBIBK".getBytes(StandardCharsets.US_ASCII);
    static final int FORMAT = 1;
    static final int PBKDF2_SHA256 = 1;
    static final int SALT_BYTES = 32;
    static final int MAX_CHUNK = 64 << 20;

    byte[] bytes() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.write(MAGIC);
            out.writeByte(FORMAT);
            out.writeByte(PBKDF2_SHA256);
            out.writeInt(iterations);
            out.write(salt);
            out.writeInt(chunkSize);
            out.write(keyCheck);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return buffer.toByteArray();
    }

    byte[] digest() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static SealedHeader read(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        try {
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new BackupRefused("backup.archive.notBackup");
            }
            int format = in.readUnsignedByte();
            int derivation = in.readUnsignedByte();
            if (format != FORMAT || derivation != PBKDF2_SHA256) {
                throw new BackupRefused("backup.archive.unknownFormat", format);
            }
            int iterations = in.readInt();
            byte[] salt = in.readNBytes(SALT_BYTES);
            int chunkSize = in.readInt();
            byte[] check = in.readNBytes(16);
            if (iterations < 1 || iterations > 10_000_000 || chunkSize < 1 || chunkSize > MAX_CHUNK || check.length < 16) {
                throw new BackupRefused("backup.archive.damaged");
            }
            return new SealedHeader(iterations, salt, chunkSize, check);
        } catch (EOFException e) {
            throw new BackupRefused("backup.archive.notBackup");
        }
    }
}
