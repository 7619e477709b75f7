package org.musubi.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The archive's content: tables as binary COPY data and files, checked against the manifest when read. */
class ArchiveTest {

    private static final TableLayout FACILITY = new TableLayout("facility",
            List.of(new TableLayout.Column("id", "bigint"), new TableLayout.Column("name", "text")));
    private static final TableLayout EMPTY = new TableLayout("notice", List.of(new TableLayout.Column("id", "bigint")));

    @Test
    void aTablesDigestCountsItsRowsWhateverTheirOrderAndHowTheBytesArrive() throws IOException {
        CopyDigest.Result inOrder = digest(copy(row(1, "結び病院"), row(2, null), row(3, "薬局")), 1 << 20);
        CopyDigest.Result reordered = digest(copy(row(3, "薬局"), row(1, "結び病院"), row(2, null)), 3);
        CopyDigest.Result changed = digest(copy(row(1, "結び病院"), row(2, null), row(3, "薬屋")), 7);

        assertThat(inOrder.rows()).isEqualTo(3);
        assertThat(reordered.digest()).isEqualTo(inOrder.digest());
        assertThat(changed.digest()).isNotEqualTo(inOrder.digest());
        byte[] cutOff = Arrays.copyOf(copy(row(1, "a")), 30);
        assertThatThrownBy(() -> digest(cutOff, 5))
                .isInstanceOf(BackupRefused.class);
    }

    @Test
    void readsBackTablesAndFilesAndChecksThemAgainstTheManifest() throws IOException {
        byte[] document = "%PDF-1.4 紹介状".getBytes(StandardCharsets.UTF_8);
        byte[] facilities = copy(row(1, "結び病院"), row(2, "薬局"));
        BackupKey key = BackupKey.of("correct horse battery staple");
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        Manifest written;
        try (ArchiveWriter writer = new ArchiveWriter(new SealedOutputStream(file, key, 4096, 1000))) {
            writer.preamble(new Preamble(Preamble.FORMAT, "test", "15", "2026-11-22T00:00:00Z", List.of(FACILITY, EMPTY), true));
            List<Manifest.TableCount> tables = List.of(writer.table("facility", out -> out.write(facilities)),
                    writer.table("notice", out -> out.write(copy())));
            long size = writer.blob(sha256(document), new ByteArrayInputStream(document));
            written = new Manifest(tables, List.of(new Manifest.SequenceValue("facility_id_seq", 2, true)), 1, size, "now");
            writer.finish(written);
        }
        Map<String, byte[]> read = new LinkedHashMap<>();

        BackupContents contents;
        try (ArchiveReader reader = new ArchiveReader(new SealedInputStream(new ByteArrayInputStream(file.toByteArray()), key))) {
            Preamble preamble = reader.preamble();
            contents = new BackupContents(preamble, reader.read(preamble, new ArchiveReader.Entries() {
                @Override
                public void table(TableLayout table, InputStream copyData) throws IOException {
                    read.put(table.name(), copyData.readAllBytes());
                }

                @Override
                public void blob(String key, InputStream content) throws IOException {
                    read.put(key, content.readAllBytes());
                }
            }));
        }

        assertThat(contents.manifest()).isEqualTo(written);
        assertThat(contents.manifest().rows()).isEqualTo(2);
        assertThat(contents.preamble().tables()).containsExactly(FACILITY, EMPTY);
        assertThat(read.get("facility")).isEqualTo(facilities);
        assertThat(read.get(sha256(document))).isEqualTo(document);
        assertThat(VerifyBackup.verify(new ByteArrayInputStream(file.toByteArray()), key).manifest()).isEqualTo(written);
    }

    @Test
    void keptPartsFollowTheFilesUnderTheirNamesAndAFormatOneArchiveIsStillRead() throws IOException {
        byte[] boxFile = "%PDF-1.4 Box のファイル".getBytes(StandardCharsets.UTF_8);
        byte[] export = "{\"resourceType\":\"Patient\"}\n".getBytes(StandardCharsets.UTF_8);
        BackupKey key = BackupKey.of("correct horse battery staple");
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        Manifest written;
        try (ArchiveWriter writer = new ArchiveWriter(new SealedOutputStream(file, key, 4096, 1000))) {
            writer.preamble(new Preamble(Preamble.FORMAT, "test", "87", "2026-11-22T00:00:00Z", List.of(EMPTY), true,
                    List.of("box-", "bulk-")));
            List<Manifest.TableCount> tables = List.of(writer.table("notice", out -> out.write(copy())));
            long bytes = writer.part("box-0d5c1a3e-7f7e-4b8e-9a3c-2f6d1e0b9a11", new ByteArrayInputStream(boxFile))
                    + writer.part("bulk-job-1", new ByteArrayInputStream(export));
            written = new Manifest(tables, List.of(), 0, 0, "now", 2L, bytes);
            writer.finish(written);
        }
        Map<String, byte[]> parts = new LinkedHashMap<>();

        Manifest read;
        try (ArchiveReader reader = new ArchiveReader(new SealedInputStream(new ByteArrayInputStream(file.toByteArray()), key))) {
            Preamble preamble = reader.preamble();
            read = reader.read(preamble, new ArchiveReader.Entries() {
                @Override
                public void table(TableLayout table, InputStream copyData) {
                }

                @Override
                public void blob(String key, InputStream content) {
                }

                @Override
                public void part(String name, InputStream content) throws IOException {
                    parts.put(name, content.readAllBytes());
                }
            });
        }

        assertThat(read).isEqualTo(written);
        assertThat(read.parts()).isEqualTo(2);
        assertThat(read.partBytes()).isEqualTo(boxFile.length + export.length);
        assertThat(parts.keySet()).containsExactly("box-0d5c1a3e-7f7e-4b8e-9a3c-2f6d1e0b9a11", "bulk-job-1");
        assertThat(parts.get("bulk-job-1")).isEqualTo(export);

        ByteArrayOutputStream old = new ByteArrayOutputStream();
        try (ArchiveWriter writer = new ArchiveWriter(new SealedOutputStream(old, key, 4096, 1000))) {
            writer.preamble(new Preamble(1, "older", "85", "2026-11-01T00:00:00Z", List.of(EMPTY), true));
            writer.finish(new Manifest(List.of(writer.table("notice", out -> out.write(copy()))), List.of(), 0, 0, "then"));
        }
        BackupContents older = VerifyBackup.verify(new ByteArrayInputStream(old.toByteArray()), key);
        assertThat(older.preamble().format()).isEqualTo(1);
        assertThat(older.preamble().partPrefixes()).isEmpty();
        assertThat(older.manifest().parts()).isZero();
    }

    @Test
    void aPartNotNamedByThePreamblesPrefixesIsADamagedArchive() throws IOException {
        BackupKey key = BackupKey.of("correct horse battery staple");
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (ArchiveWriter writer = new ArchiveWriter(new SealedOutputStream(file, key, 4096, 1000))) {
            writer.preamble(new Preamble(Preamble.FORMAT, "test", "87", "2026-11-22T00:00:00Z", List.of(EMPTY), true,
                    List.of("box-")));
            List<Manifest.TableCount> tables = List.of(writer.table("notice", out -> out.write(copy())));
            long bytes = writer.part("upload-part-1", new ByteArrayInputStream(new byte[] {1, 2, 3}));
            writer.finish(new Manifest(tables, List.of(), 0, 0, "now", 1L, bytes));
        }

        assertThatThrownBy(() -> VerifyBackup.verify(new ByteArrayInputStream(file.toByteArray()), key))
                .isInstanceOf(BackupRefused.class);
    }

    @Test
    void refusesToBackUpAFileWhoseContentDoesNotMatchItsKey() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (ArchiveWriter writer = new ArchiveWriter(new SealedOutputStream(file, BackupKey.of("correct horse battery staple"), 4096, 1000))) {
            assertThatThrownBy(() -> writer.blob(sha256("one".getBytes()), new ByteArrayInputStream("other".getBytes())))
                    .isInstanceOf(BackupRefused.class).hasMessageContaining("does not match its hash");
        }
    }

    private static CopyDigest.Result digest(byte[] copy, int pieceSize) throws IOException {
        CopyDigest digest = new CopyDigest();
        for (int at = 0; at < copy.length; at += pieceSize) {
            digest.write(copy, at, Math.min(pieceSize, copy.length - at));
        }
        return digest.result();
    }

    /** Binary COPY data as PostgreSQL writes it: signature, flags, extension length, rows, trailer. */
    private static byte[] copy(byte[]... rows) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write("PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1));
        out.writeInt(0);
        out.writeInt(0);
        for (byte[] row : rows) {
            out.write(row);
        }
        out.writeShort(-1);
        return bytes.toByteArray();
    }

    private static byte[] row(long id, String name) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeShort(2);
        out.writeInt(8);
        out.writeLong(id);
        if (name == null) {
            out.writeInt(-1);
        } else {
            byte[] text = name.getBytes(StandardCharsets.UTF_8);
            out.writeInt(text.length);
            out.write(text);
        }
        return bytes.toByteArray();
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
