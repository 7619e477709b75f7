package org.musubi.blob.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musubi.blob.Blob;
import org.musubi.blob.BlobStore;

/**
 * The S3 blob store against a real S3-compatible server (S3Proxy, in a JVM of its own), which checks
 * every request's Signature Version 4 and payload hash. No Spring context.
 */
class S3BlobStoreIT {

    private static final long PART = S3BlobStore.MIN_PART_SIZE;
    private static S3Proxy server;

    @TempDir
    static Path serverDirectory;
    @TempDir
    Path spool;

    @BeforeAll
    static void startServer() throws Exception {
        server = S3Proxy.start(serverDirectory);
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    void storesByContentHashOnceUnderThePrefixAndStreamsItBack() throws IOException {
        byte[] content = "紹介状 PDF の中身".getBytes(StandardCharsets.UTF_8);
        try (S3BlobStore store = store("musubi/blobs", S3Proxy.SECRET_KEY)) {
            Blob first = store.put(new ByteArrayInputStream(content), 1_000);
            Path object = server.bucketDirectory().resolve("musubi/blobs").resolve(BlobStore.path(first.key()));
            Files.setLastModifiedTime(object, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
            Blob again = store.put(new ByteArrayInputStream(content), 1_000);

            assertThat(again).isEqualTo(first);
            assertThat(first.size()).isEqualTo(content.length);
            assertThat(first.sha256()).isEqualTo(sha256(new ByteArrayInputStream(content)));
            assertThat(Files.readAllBytes(object)).isEqualTo(content);
            assertThat(Files.getLastModifiedTime(object).toInstant()).as("the second put sent nothing")
                    .isEqualTo(Instant.parse("2020-01-01T00:00:00Z"));
            try (InputStream in = store.open(first.key()).orElseThrow()) {
                assertThat(in.readAllBytes()).isEqualTo(content);
            }
            assertThat(spoolFiles()).isEmpty();
        }
    }

    @Test
    void sendsContentAboveThePartSizeInPartsAndStreamsItBack() throws IOException {
        long size = 2 * PART + 12_345;
        try (S3BlobStore store = store("", S3Proxy.SECRET_KEY)) {
            Blob blob = store.put(new Noise(size, 7), size);

            assertThat(blob.size()).isEqualTo(size);
            assertThat(blob.sha256()).isEqualTo(sha256(new Noise(size, 7)));
            try (InputStream in = store.open(blob.key()).orElseThrow()) {
                assertThat(sha256(in)).isEqualTo(blob.sha256());
            }
            assertThat(Files.size(server.bucketDirectory().resolve(BlobStore.path(blob.key())))).isEqualTo(size);
            assertThat(spoolFiles()).isEmpty();
        }
    }

    @Test
    void refusesContentOverTheLimitAndKeepsNothing() throws IOException {
        try (S3BlobStore store = store("refused", S3Proxy.SECRET_KEY)) {
            assertThatThrownBy(() -> store.put(new Noise(PART + 1, 3), PART))
                    .isInstanceOf(BlobStore.TooLarge.class);

            assertThat(Files.exists(server.bucketDirectory().resolve("refused"))).isFalse();
            assertThat(spoolFiles()).isEmpty();
        }
    }

    @Test
    void abortsAnUploadTheStoreRefusesAndKeepsNothing() throws IOException {
        S3Bucket bucket = bucket(S3Proxy.BUCKET, "small-parts/");
        List<Path> before = files(server.bucketDirectory());
        // Parts under S3's 5 MB minimum: the store refuses to complete the upload.
        try (S3BlobStore store = new S3BlobStore(bucket, credentials(S3Proxy.SECRET_KEY), 64 * 1024, spool)) {
            assertThatThrownBy(() -> store.put(new Noise(200_000, 5), 1_000_000))
                    .isInstanceOf(IOException.class)
                    .hasMessageStartingWith("S3 POST ?uploadId " + S3Proxy.BUCKET + "/small-parts/")
                    .hasMessageContaining("400 EntityTooSmall");

            assertThat(files(server.bucketDirectory())).isEqualTo(before);
            assertThat(files(spool)).isEmpty();
        }
    }

    @Test
    void reportsAMissingBucketRatherThanAMissingBlob() throws IOException {
        try (S3BlobStore store = new S3BlobStore(bucket("no-such-bucket", ""), credentials(S3Proxy.SECRET_KEY), PART, spool)) {
            assertThatThrownBy(() -> store.open("0".repeat(64)))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("404 NoSuchBucket")
                    .hasMessageContaining("check musubi.blob.s3.bucket");
        }
    }

    @Test
    void answersEmptyForAMissingOrMalformedKey() throws IOException {
        try (S3BlobStore store = store("", S3Proxy.SECRET_KEY)) {
            assertThat(store.open("0".repeat(64))).isEmpty();
            assertThat(store.open("../../etc/passwd")).isEmpty();
            assertThat(store.open(null)).isEmpty();
        }
    }

    @Test
    void failsWithTheStatusAndS3ErrorCodeButNoSecretOnWrongCredentials() throws IOException {
        String wrong = "not-the-secret-9d2e";
        Blob stored;
        try (S3BlobStore store = store("", S3Proxy.SECRET_KEY)) {
            stored = store.put(new ByteArrayInputStream("検査結果".getBytes(StandardCharsets.UTF_8)), 1_000);
        }
        try (S3BlobStore store = store("", wrong)) {
            assertThatThrownBy(() -> store.open(stored.key()))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("S3 GET " + S3Proxy.BUCKET + "/" + BlobStore.path(stored.key()))
                    .hasMessageContaining("403 SignatureDoesNotMatch")
                    .hasMessageContaining("check musubi.blob.s3.access-key and musubi.blob.s3.secret-key")
                    .message().doesNotContain(wrong).doesNotContain(S3Proxy.SECRET_KEY);
            assertThatThrownBy(() -> store.put(new ByteArrayInputStream(new byte[] {1, 2, 3}), 1_000))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("S3 HEAD")
                    .hasMessageContaining("403")
                    .message().doesNotContain(wrong).doesNotContain(S3Proxy.SECRET_KEY);
            assertThat(spoolFiles()).isEmpty();
        }
    }

    private S3BlobStore store(String prefix, String secret) {
        return new S3BlobStore(bucket(S3Proxy.BUCKET, prefix.isEmpty() ? "" : prefix + "/"), credentials(secret), PART, spool);
    }

    private static S3Bucket bucket(String name, String prefix) {
        return new S3Bucket(URI.create(server.endpoint()), "us-east-1", name, true, prefix);
    }

    private static S3Credentials credentials(String secret) {
        return new S3Credentials(S3Proxy.ACCESS_KEY, secret);
    }

    private List<Path> spoolFiles() throws IOException {
        return files(spool);
    }

    private static List<Path> files(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static String sha256(InputStream in) throws IOException {
        try (DigestInputStream digest = new DigestInputStream(in, MessageDigest.getInstance("SHA-256"))) {
            digest.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(digest.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** So many pseudo-random bytes from a seed, generated as they are read: never whole in memory. */
    private static final class Noise extends InputStream {

        private final Random random;
        private long left;

        Noise(long size, long seed) {
            this.random = new Random(seed);
            this.left = size;
        }

        @Override
        public int read() {
            return left-- > 0 ? random.nextInt(256) : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(length, left);
            byte[] chunk = new byte[n];
            random.nextBytes(chunk);
            System.arraycopy(chunk, 0, buffer, offset, n);
            left -= n;
            return n;
        }
    }
}
