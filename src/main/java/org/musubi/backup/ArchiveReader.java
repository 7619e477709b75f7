package org.musubi.backup;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;
import org.musubi.blob.BlobStore;
import tools.jackson.core.JacksonException;

/**
 * Reads what {@link ArchiveWriter} wrote, handing each table's COPY data and each file to {@link Entries}
 * while fingerprinting them, and checks the fingerprints against the manifest at the end. Only a read to
 * the sealed stream's authenticated end proves the archive whole, so {@link #read} always goes there.
 */
final class ArchiveReader implements AutoCloseable {

    private static final int MAX_JSON = 256 << 20;
    private final InputStream sealed;
    private final Inflater inflater = new Inflater();
    private final DataInputStream in;

    /** What to do with the content as it passes; what a handler leaves unread is skipped (and still checked). */
    interface Entries {
        void table(TableLayout table, InputStream copyData) throws IOException;

        void blob(String key, InputStream content) throws IOException;

        /** A kept part; {@code sha256} is checked once it was read through (the archive is refused when it differs). */
        default void part(String name, InputStream content) throws IOException {
        }
    }

    /** Entries that only read: verifying an archive. */
    static final Entries CHECK_ONLY = new Entries() {
        @Override
        public void table(TableLayout table, InputStream copyData) {
        }

        @Override
        public void blob(String key, InputStream content) {
        }
    };

    ArchiveReader(InputStream sealed) {
        this.sealed = sealed;
        this.in = new DataInputStream(new InflaterInputStream(sealed, inflater, Blocks.SIZE));
    }

    Preamble preamble() throws IOException {
        Preamble preamble = guarded(() -> {
            expect('P');
            return json(Preamble.class);
        });
        if (!Preamble.readable(preamble.format())) {
            throw new BackupRefused("backup.archive.unknownFormat", preamble.format());
        }
        return preamble;
    }

    /** Reads the rest of the archive through {@code entries}; returns its manifest once everything matched it. */
    Manifest read(Preamble preamble, Entries entries) throws IOException {
        return guarded(() -> {
            List<Manifest.TableCount> tables = new ArrayList<>();
            long[] blobs = new long[2];
            long[] parts = new long[2];
            for (int tag = in.readUnsignedByte(); tag != 'M'; tag = in.readUnsignedByte()) {
                switch (tag) {
                    case 'T' -> tables.add(table(preamble, tables.size(), entries));
                    case 'B' -> {
                        blobs[1] += blob(entries);
                        blobs[0]++;
                    }
                    case 'R' -> {
                        parts[1] += part(preamble, entries);
                        parts[0]++;
                    }
                    default -> throw new BackupRefused("backup.archive.damaged");
                }
            }
            Manifest manifest = json(Manifest.class);
            expect('E');
            if (in.read() >= 0 || inflater.getRemaining() > 0 || sealed.read() >= 0) {
                throw new BackupRefused("backup.archive.damaged");
            }
            if (!manifest.tables().equals(tables) || tables.size() != preamble.tables().size()
                    || manifest.blobs() != blobs[0] || manifest.blobBytes() != blobs[1]
                    || manifest.parts() != parts[0] || manifest.partBytes() != parts[1]) {
                throw new BackupRefused("backup.archive.damaged");
            }
            return manifest;
        });
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        sealed.close();
    }

    private Manifest.TableCount table(Preamble preamble, int index, Entries entries) throws IOException {
        String name = in.readUTF();
        if (index >= preamble.tables().size() || !preamble.tables().get(index).name().equals(name)) {
            throw new BackupRefused("backup.archive.damaged");
        }
        CopyDigest digest = new CopyDigest();
        try (InputStream data = Blocks.reader(in, digest)) {
            entries.table(preamble.tables().get(index), data);
        }
        CopyDigest.Result result = digest.result();
        return new Manifest.TableCount(name, result.rows(), result.bytes(), result.digest());
    }

    private long blob(Entries entries) throws IOException {
        String key = in.readUTF();
        if (!BlobStore.isKey(key)) {
            throw new BackupRefused("backup.archive.damaged");
        }
        CountingDigest tap = new CountingDigest();
        try (InputStream data = Blocks.reader(in, tap)) {
            entries.blob(key, data);
        }
        if (!HexFormat.of().formatHex(tap.getMessageDigest().digest()).equals(key)) {
            throw new BackupRefused("backup.archive.damaged");
        }
        return tap.count;
    }

    private long part(Preamble preamble, Entries entries) throws IOException {
        String name = in.readUTF();
        if (!BlobStore.isPartName(name) || preamble.partPrefixes().stream().noneMatch(name::startsWith)) {
            throw new BackupRefused("backup.archive.damaged");
        }
        CountingDigest tap = new CountingDigest();
        try (InputStream data = Blocks.reader(in, tap)) {
            entries.part(name, data);
        }
        if (!HexFormat.of().formatHex(tap.getMessageDigest().digest()).equals(in.readUTF())) {
            throw new BackupRefused("backup.archive.damaged");
        }
        return tap.count;
    }

    private void expect(int tag) throws IOException {
        if (in.readUnsignedByte() != tag) {
            throw new BackupRefused("backup.archive.damaged");
        }
    }

    private <T> T json(Class<T> type) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_JSON) {
            throw new BackupRefused("backup.archive.damaged");
        }
        try {
            return ArchiveWriter.JSON.readValue(in.readNBytes(length), type);
        } catch (JacksonException e) {
            throw new BackupRefused("backup.archive.damaged");
        }
    }

    /** Reading past the end of the content, or content that does not inflate, means the archive is broken. */
    private static <T> T guarded(Step<T> step) throws IOException {
        try {
            return step.run();
        } catch (EOFException e) {
            throw new BackupRefused("backup.archive.truncated");
        } catch (ZipException e) {
            throw new BackupRefused("backup.archive.damaged");
        }
    }

    @FunctionalInterface
    private interface Step<T> {
        T run() throws IOException;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A file's SHA-256 and size as it passes. */
    private static final class CountingDigest extends DigestOutputStream {
        private long count;

        CountingDigest() {
            super(OutputStream.nullOutputStream(), sha256());
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            super.write(bytes, offset, length);
            count += length;
        }
    }
}
