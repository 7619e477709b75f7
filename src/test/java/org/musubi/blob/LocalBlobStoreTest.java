package org.musubi.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalBlobStoreTest {

    @TempDir
    Path root;

    @Test
    void storesByContentHashOnceAndStreamsItBack() throws IOException {
        LocalBlobStore store = new LocalBlobStore(root);
        byte[] content = "紹介状 PDF の中身".getBytes(StandardCharsets.UTF_8);

        Blob first = store.put(new ByteArrayInputStream(content), 1_000);
        Blob again = store.put(new ByteArrayInputStream(content), 1_000);

        assertThat(first).isEqualTo(again);
        assertThat(first.size()).isEqualTo(content.length);
        assertThat(first.sha256()).hasSize(64);
        try (InputStream in = store.open(first.key()).orElseThrow()) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        assertThat(store.open("../../etc/passwd")).isEmpty();
        assertThat(store.open("0".repeat(64))).isEmpty();
    }

    @Test
    void listsTheKeysOfItsFilesInOrderWithoutUploadsInProgressOrStrays() throws IOException {
        LocalBlobStore store = new LocalBlobStore(root);
        String b = store.put(new ByteArrayInputStream("b".getBytes(StandardCharsets.UTF_8)), 10).key();
        String a = store.put(new ByteArrayInputStream("a".getBytes(StandardCharsets.UTF_8)), 10).key();
        Files.writeString(root.resolve("tmp").resolve("upload-1.part"), "half");
        Files.writeString(root.resolve("README"), "not a blob");

        try (var keys = store.keys().orElseThrow()) {
            assertThat(keys.toList()).containsExactly(a.compareTo(b) < 0 ? a : b, a.compareTo(b) < 0 ? b : a);
        }
    }

    @Test
    void refusesContentOverTheLimitAndKeepsNothing() throws IOException {
        LocalBlobStore store = new LocalBlobStore(root);

        assertThatThrownBy(() -> store.put(new ByteArrayInputStream(new byte[2_000]), 1_000))
                .isInstanceOf(BlobStore.TooLarge.class);
        try (var files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void streamsLargeContentWithoutHoldingItInMemory() throws IOException {
        LocalBlobStore store = new LocalBlobStore(root);
        long size = 64L * 1024 * 1024;
        InputStream zeros = new InputStream() {
            long left = size;

            @Override
            public int read() {
                return left-- > 0 ? 0 : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                Arrays.fill(b, off, off + n, (byte) 0);
                left -= n;
                return n;
            }
        };

        Blob blob = store.put(zeros, size);

        assertThat(blob.size()).isEqualTo(size);
        assertThat(Files.size(root.resolve(blob.key().substring(0, 2)).resolve(blob.key().substring(2, 4))
                .resolve(blob.key()))).isEqualTo(size);
    }

    @Test
    void aPartStoredWithItsHashTellsTheContentsSha256AndKeepsNothingOverTheLimit() throws IOException {
        LocalBlobStore store = new LocalBlobStore(root);
        byte[] content = "Box の部品".getBytes(StandardCharsets.UTF_8);
        String expected = java.util.HexFormat.of().formatHex(sha256(content));
        Blob part = store.putPartHashed("box-test", new ByteArrayInputStream(content), 100);
        assertThat(part).isEqualTo(new Blob("box-test", expected, content.length));
        try (InputStream in = store.openPart("box-test").orElseThrow()) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        assertThatThrownBy(() -> store.putPartHashed("box-big", new ByteArrayInputStream(content), 3))
                .isInstanceOf(BlobStore.TooLarge.class);
        assertThat(store.openPart("box-big")).isEmpty();

        // A store without its own (the S3 store) hashes on the way in through the interface's default.
        BlobStore plain = new BlobStore() {
            public Blob put(InputStream c, long max) throws IOException { return store.put(c, max); }
            public java.util.Optional<InputStream> open(String key) throws IOException { return store.open(key); }
            public long putPart(String name, InputStream c, long max) throws IOException { return store.putPart(name, c, max); }
            public java.util.Optional<InputStream> openPart(String name) throws IOException { return store.openPart(name); }
            public void deletePart(String name) throws IOException { store.deletePart(name); }
        };
        assertThat(plain.putPartHashed("box-default", new ByteArrayInputStream(content), 100))
                .isEqualTo(new Blob("box-default", expected, content.length));
    }

    @Test
    void listsThePartsOfAPrefixWrittenBeforeAMomentAndNothingElse() throws IOException {
        LocalBlobStore store = new LocalBlobStore(root);
        assertThat(store.partsWrittenBefore("box-", java.time.Instant.now())).as("no part area yet").isEmpty();
        java.time.Instant now = java.time.Instant.now();
        for (String name : List.of("box-old", "box-new", "tus-old")) {
            store.putPart(name, new ByteArrayInputStream(new byte[]{1}), 10);
        }
        for (String name : List.of("box-old", "tus-old")) {
            Files.setLastModifiedTime(root.resolve("parts").resolve(name),
                    java.nio.file.attribute.FileTime.from(now.minus(java.time.Duration.ofDays(8))));
        }
        Files.writeString(root.resolve("parts").resolve("box-Stray"), "not a part name");
        Files.setLastModifiedTime(root.resolve("parts").resolve("box-Stray"),
                java.nio.file.attribute.FileTime.from(now.minus(java.time.Duration.ofDays(8))));

        assertThat(store.partsWrittenBefore("box-", now.minus(java.time.Duration.ofDays(7)))).containsExactly("box-old");
        assertThat(store.partsWrittenBefore("box-", now.plusSeconds(60))).containsExactlyInAnyOrder("box-old", "box-new");
    }

    @Test
    void namesTheKeptPartsOfAPrefixInOrderForABackup() throws IOException {
        LocalBlobStore store = new LocalBlobStore(root);
        try (var none = store.partNames("box-").orElseThrow()) {
            assertThat(none).as("no part area yet").isEmpty();
        }
        for (String name : List.of("box-b", "bulk-1", "box-a", "0a1b-2c3d")) {
            store.putPart(name, new ByteArrayInputStream(new byte[]{1}), 10);
        }
        Files.writeString(root.resolve("parts").resolve("box-Stray"), "not a part name");

        try (var box = store.partNames("box-").orElseThrow(); var bulk = store.partNames("bulk-").orElseThrow()) {
            assertThat(box).containsExactly("box-a", "box-b");
            assertThat(bulk).containsExactly("bulk-1");
        }
    }

    private static byte[] sha256(byte[] content) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(content);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
