package org.musubi.ingest.ssmix2;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Ssmix2StorageTest {

    private static final String PATIENT = "000/100/0001000052/";
    private static final String TYPE = "^退院時サマリー^^18842-5^退院時サマリー^LN";

    @TempDir
    Path root;

    @Test
    void givesAPatientsFilesInApplyOrderOlderVersionsFirst() throws IOException {
        write(PATIENT + "-/ADT-00/0001000052_-_ADT-00_999999999999999_20240401100000000_-_1");
        write(PATIENT + "-/ADT-00/0001000052_-_ADT-00_999999999999999_20240301100000000_-_2");
        write(PATIENT + "20240401/OMP-01/0001000052_20240401_OMP-01_000000000000001_20240401090000000_01_0");
        write(PATIENT + "20240401/OMP-01/0001000052_20240401_OMP-01_000000000000001_20240401090000000_01_2");
        write(PATIENT + "20240401/OMP-01/0001000052_20240401_OMP-01_000000000000001_20240402090000000_01_0");
        write("000/100/0001000099/-/ADT-00/0001000099_-_ADT-00_999999999999999_20200101100000000_-_1");

        assertThat(paths()).containsExactly(
                PATIENT + "-/ADT-00/0001000052_-_ADT-00_999999999999999_20240301100000000_-_2",
                PATIENT + "20240401/OMP-01/0001000052_20240401_OMP-01_000000000000001_20240401090000000_01_2",
                PATIENT + "20240401/OMP-01/0001000052_20240401_OMP-01_000000000000001_20240401090000000_01_0",
                PATIENT + "-/ADT-00/0001000052_-_ADT-00_999999999999999_20240401100000000_-_1",
                PATIENT + "20240401/OMP-01/0001000052_20240401_OMP-01_000000000000001_20240402090000000_01_0",
                "000/100/0001000099/-/ADT-00/0001000099_-_ADT-00_999999999999999_20200101100000000_-_1");
    }

    @Test
    void givesSizeAndLastModifiedAndReadableContent() throws IOException {
        String path = PATIENT + "-/ADT-00/0001000052_-_ADT-00_999999999999999_20240401100000000_-_1";
        write(path);

        try (Stream<StorageEntry> entries = new Ssmix2Storage(root).entries()) {
            StorageEntry.StoredFile file = (StorageEntry.StoredFile) entries.findFirst().orElseThrow();
            assertThat(file.size()).isEqualTo(3);
            assertThat(file.lastModified()).isEqualTo(Files.getLastModifiedTime(root.resolve(path)).toInstant());
            assertThat(new String(file.source().bytes(), StandardCharsets.US_ASCII)).isEqualTo("MSH");
            assertThat(file.source().name()).isEqualTo(path);
        }
    }

    @Test
    void leavesOutHiddenAndTemporaryFilesAndReportsStrayOnes() throws IOException {
        write(".DS_Store");
        write(PATIENT + "-/ADT-00/.0001000052_-_ADT-00_999999999999999_20240401100000000_-_1");
        write(PATIENT + "-/ADT-00/0001000052_-_ADT-00_999999999999999_20240401100000000_-_1.tmp");
        write(PATIENT + "-/ADT-00/~$copy");
        write("readme.txt");
        write(PATIENT + "notes.txt");
        write(PATIENT + "-/ADT-00/backup.hl7");

        List<StorageEntry> entries = entries();

        assertThat(entries).allMatch(e -> e instanceof StorageEntry.Stray);
        assertThat(entries).extracting(StorageEntry::relativePath)
                .containsExactlyInAnyOrder("readme.txt", PATIENT + "notes.txt", PATIENT + "-/ADT-00/backup.hl7");
        assertThat(entries).extracting(e -> ((StorageEntry.Stray) e).problem().code())
                .containsExactlyInAnyOrder("ssmix2.stray", "ssmix2.stray", "ssmix2.name.fields");
    }

    @Test
    void givesTheMainDocumentOfAnExtendedStorageContentFolder() throws IOException {
        String content = PATIENT + "20240415/" + TYPE + "/0001000052_20240415_" + TYPE + "_000000020240415_20240415150000000_01_1/";
        write(content + "main_document.xml");
        write(content + "figure1.png");
        String other = PATIENT + "20240416/" + TYPE + "/0001000052_20240416_" + TYPE + "_000000020240416_20240416150000000_01_1/";
        write(other + "a.png");
        write(other + "b.png");

        List<StorageEntry> entries = entries();

        assertThat(entries).extracting(StorageEntry::relativePath).containsExactly(other, content + "main_document.xml");
        assertThat(((StorageEntry.Stray) entries.getFirst()).problem().code()).isEqualTo("ssmix2.no-main-document");
    }

    @Test
    void aContentFolderStandsForItsRecordItsSizeAllItsFilesItsTimeTheNewest() throws IOException {
        String content = PATIENT + "20240415/" + TYPE + "/0001000052_20240415_" + TYPE + "_000000020240415_20240415150000000_01_1/";
        write(content + "main_document.xml");
        write(content + "image001.png");
        Files.writeString(root.resolve(content + "style.css"), "body{}");
        FileTime old = FileTime.fromMillis(1_700_000_000_000L);
        FileTime newest = FileTime.fromMillis(1_700_000_900_000L);
        Files.setLastModifiedTime(root.resolve(content + "main_document.xml"), old);
        Files.setLastModifiedTime(root.resolve(content + "style.css"), old);
        Files.setLastModifiedTime(root.resolve(content), old);
        Files.setLastModifiedTime(root.resolve(content + "image001.png"), newest);

        StorageEntry.StoredFile file = (StorageEntry.StoredFile) entries().getFirst();

        assertThat(file.relativePath()).isEqualTo(content + "main_document.xml");
        assertThat(file.size()).as("main document, image and style sheet").isEqualTo(3 + 3 + 6);
        assertThat(file.lastModified()).as("the image, changed last").isEqualTo(newest.toInstant());
        assertThat(file.source().attachments()).extracting(a -> a.name() + " " + a.size())
                .containsExactly(content + "image001.png 3", content + "style.css 6");
        assertThat(file.source().size()).isEqualTo(12);
    }

    @Test
    void aFolderInsideAContentFolderComesAsAnAttachmentNamedOnlyAndMovesTheFoldersTime() throws IOException {
        String content = PATIENT + "20240415/" + TYPE + "/0001000052_20240415_" + TYPE + "_000000020240415_20240415150000000_01_1/";
        write(content + "main_document.xml");
        write(content + "old/main_document.xml");
        FileTime old = FileTime.fromMillis(1_700_000_000_000L);
        Files.setLastModifiedTime(root.resolve(content + "main_document.xml"), old);

        StorageEntry.StoredFile file = (StorageEntry.StoredFile) entries().getFirst();

        assertThat(file.source().attachments()).singleElement().satisfies(folder -> {
            assertThat(folder.name()).isEqualTo(content + "old/");
            assertThat(folder.isFolder()).isTrue();
        });
        assertThat(file.size()).as("the folder's files only").isEqualTo(3);
        assertThat(file.lastModified()).as("the content folder's own time: a folder was added")
                .isEqualTo(Files.getLastModifiedTime(root.resolve(content)).toInstant());
    }

    private List<String> paths() {
        return entries().stream().map(StorageEntry::relativePath).toList();
    }

    private List<StorageEntry> entries() {
        try (Stream<StorageEntry> entries = new Ssmix2Storage(root).entries()) {
            return entries.toList();
        }
    }

    private void write(String path) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "MSH");
    }
}
