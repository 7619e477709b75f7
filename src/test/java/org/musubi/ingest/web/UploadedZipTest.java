package org.musubi.ingest.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an uploaded zip must be before it is unpacked, and what unpacking it checks again. */
class UploadedZipTest {

    @TempDir
    Path dir;

    @Test
    void unpacksAGoodZipWithItsPathsAndCountsEntriesAndBytes() throws IOException {
        Path archive = write(zip("a/b/one.hl7", "MSH|1", "a/two.hl7", "MSH|22"));
        Path folder = Files.createDirectories(dir.resolve("files"));

        UploadedZip.Unpacked unpacked = UploadedZip.unpack(archive, folder, 1000, 10);

        assertThat(unpacked).isEqualTo(new UploadedZip.Unpacked(2, 11));
        assertThat(Files.readString(folder.resolve("a/b/one.hl7"))).isEqualTo("MSH|1");
    }

    @Test
    void refusesAnEntryWhoseBytesNoLongerMatchItsCrc() throws IOException {
        byte[] zip = zip("one.hl7", "MSH|original");
        String text = new String(zip, StandardCharsets.ISO_8859_1);
        zip[text.indexOf("original")] = 'O';

        assertThatThrownBy(() -> UploadedZip.unpack(write(zip), Files.createDirectories(dir.resolve("files")), 1000, 10))
                .isInstanceOfSatisfying(UploadSpool.BadArchive.class, e -> assertThat(e.code()).isEqualTo("damaged-zip"));
    }

    @Test
    void refusesMoreEntriesOrMoreBytesThanAllowedAndEntriesThatClash() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("files"));

        assertThatThrownBy(() -> UploadedZip.unpack(write(zip("a", "1", "b", "2", "c", "3")), folder, 1000, 2))
                .isInstanceOfSatisfying(UploadSpool.BadArchive.class, e -> assertThat(e.code()).isEqualTo("too-many-entries"));
        assertThatThrownBy(() -> UploadedZip.unpack(write(zip("a", "12345", "b", "67890")), folder, 8, 10))
                .isInstanceOfSatisfying(UploadSpool.BadArchive.class, e -> assertThat(e.code()).isEqualTo("zip-too-large"));
        assertThatThrownBy(() -> UploadedZip.unpack(write(zip("x", "file", "x/y", "under a file")), folder, 1000, 10))
                .isInstanceOfSatisfying(UploadSpool.BadArchive.class, e -> assertThat(e.code()).isEqualTo("zip-path"));
    }

    /** A zip of STORED entries (name, content, name, content, ...), so their bytes stand in the archive as they are. */
    private static byte[] zip(String... namesAndContents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                byte[] content = namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8);
                ZipEntry entry = new ZipEntry(namesAndContents[i]);
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(content.length);
                CRC32 crc = new CRC32();
                crc.update(content);
                entry.setCrc(crc.getValue());
                zip.putNextEntry(entry);
                zip.write(content);
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private Path write(byte[] zip) throws IOException {
        return Files.write(Files.createTempFile(dir, "upload", ".zip"), zip);
    }
}
