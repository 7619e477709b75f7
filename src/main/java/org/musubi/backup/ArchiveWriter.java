package org.musubi.backup;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.util.HexFormat;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an archive's content, compressed (DEFLATE), into a sealed stream: a {@link Preamble}, each
 * table's binary COPY data, each file of the blob store, each kept part, and a {@link Manifest}. Entries are a tag
 * byte: {@code P} preamble (JSON), {@code T} table (name, {@link Blocks}), {@code B} file (key, blocks), {@code R}
 * kept part (name, blocks, then the content's SHA-256 in hex), {@code M} manifest (JSON), {@code E} end.
 */
final class ArchiveWriter implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private final Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    private final DataOutputStream out;

    /** What writes a table's data, e.g. PostgreSQL's {@code COPY ... TO STDOUT (FORMAT binary)}. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    ArchiveWriter(OutputStream sealed) {
        this.out = new DataOutputStream(new DeflaterOutputStream(sealed, deflater, Blocks.SIZE));
    }

    void preamble(Preamble preamble) throws IOException {
        out.writeByte('P');
        json(preamble);
    }

    Manifest.TableCount table(String name, Content content) throws IOException {
        out.writeByte('T');
        out.writeUTF(name);
        CopyDigest digest = new CopyDigest();
        try (OutputStream blocks = Blocks.writer(out, digest)) {
            content.writeTo(blocks);
        }
        CopyDigest.Result result = digest.result();
        return new Manifest.TableCount(name, result.rows(), result.bytes(), result.digest());
    }

    /** Copies a file of the blob store; refuses one whose content does not match its key (its SHA-256). */
    long blob(String key, InputStream content) throws IOException {
        out.writeByte('B');
        out.writeUTF(key);
        DigestOutputStream tap = new DigestOutputStream(OutputStream.nullOutputStream(), ArchiveReader.sha256());
        long size;
        try (OutputStream blocks = Blocks.writer(out, tap)) {
            size = content.transferTo(blocks);
        }
        if (!HexFormat.of().formatHex(tap.getMessageDigest().digest()).equals(key)) {
            throw new BackupRefused("backup.blob.corrupt", key);
        }
        return size;
    }

    /** Copies a kept part of the blob store, named by its owner: its SHA-256 follows its content. */
    long part(String name, InputStream content) throws IOException {
        out.writeByte('R');
        out.writeUTF(name);
        DigestOutputStream tap = new DigestOutputStream(OutputStream.nullOutputStream(), ArchiveReader.sha256());
        long size;
        try (OutputStream blocks = Blocks.writer(out, tap)) {
            size = content.transferTo(blocks);
        }
        out.writeUTF(HexFormat.of().formatHex(tap.getMessageDigest().digest()));
        return size;
    }

    void finish(Manifest manifest) throws IOException {
        out.writeByte('M');
        json(manifest);
        out.writeByte('E');
        out.close();
    }

    @Override
    public void close() {
        deflater.end();
    }

    private void json(Object value) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(value);
        out.writeInt(bytes.length);
        out.write(bytes);
    }
}
