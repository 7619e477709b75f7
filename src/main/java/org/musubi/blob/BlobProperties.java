package org.musubi.blob;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.musubi.blob.s3.S3BlobStore;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where files are kept.
 *
 * @param kind      {@code local}: in {@code directory} (the default); {@code s3}: in S3-compatible object storage
 * @param directory the local directory of the blob store; back it up with the database. With {@code s3}
 *                  it holds only uploads in progress (under {@code tmp/})
 * @param maxSize   the largest single file accepted (larger uploads are refused with 413)
 * @param s3        the object store, used when {@code kind} is {@code s3}
 */
@ConfigurationProperties("musubi.blob")
public record BlobProperties(
        @DefaultValue("local") Kind kind,
        @DefaultValue("./data/blobs") Path directory,
        @DefaultValue("100MB") DataSize maxSize,
        @DefaultValue S3Properties s3) {

    public BlobProperties {
        if (kind == Kind.S3) {
            s3.check(maxSize);
        }
    }

    public enum Kind { LOCAL, S3 }

    /**
     * An S3-compatible object store. Give the keys by environment variables, never in a file.
     *
     * @param endpoint  scheme, host and port of the store, e.g. {@code https://s3.ap-northeast-1.amazonaws.com}
     *                  or {@code http://minio:9000}
     * @param region    the region requests are signed for; {@code us-east-1} suits most S3-compatible servers
     * @param bucket    the bucket, created beforehand
     * @param accessKey the access key id ({@code MUSUBI_BLOB_S3_ACCESS_KEY})
     * @param secretKey the secret key ({@code MUSUBI_BLOB_S3_SECRET_KEY}); never shown, not even in messages
     * @param pathStyle the bucket in the path ({@code http://minio:9000/bucket/…}, as S3-compatible servers
     *                  expect) rather than in the host name ({@code https://bucket.s3.….amazonaws.com/…})
     * @param prefix    put before every object's name, e.g. {@code musubi/blobs}; empty for none
     * @param partSize  files larger than this are uploaded in parts of this size (at least 5MB)
     */
    public record S3Properties(
            String endpoint,
            @DefaultValue("us-east-1") String region,
            String bucket,
            String accessKey,
            String secretKey,
            @DefaultValue("true") boolean pathStyle,
            String prefix,
            @DefaultValue("16MB") DataSize partSize) {

        /** The endpoint as a URI; valid once the properties are bound with {@code kind=s3}. */
        public URI endpointUri() {
            try {
                return new URI(endpoint.strip());
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("musubi.blob.s3.endpoint is not a URL: " + e.getMessage(), e);
            }
        }

        /** The prefix as objects' names begin: empty, or ending with one {@code /}. */
        public String keyPrefix() {
            String trimmed = prefix == null ? "" : prefix.strip().replaceAll("^/+|/+$", "");
            return trimmed.isEmpty() ? "" : trimmed + "/";
        }

        @Override
        public String toString() {
            return "S3Properties[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket + ", accessKey=" + accessKey
                    + ", secretKey=" + (secretKey == null || secretKey.isBlank() ? "(none)" : "(hidden)")
                    + ", pathStyle=" + pathStyle + ", prefix=" + prefix + ", partSize=" + partSize + "]";
        }

        void check(DataSize maxSize) {
            require(endpoint, "endpoint", "e.g. https://s3.ap-northeast-1.amazonaws.com or http://minio:9000");
            checkEndpoint(endpointUri());
            require(region, "region", "e.g. ap-northeast-1; us-east-1 for most S3-compatible servers");
            check(region.matches("[a-z0-9-]+"), "musubi.blob.s3.region must be a region name such as ap-northeast-1: " + region);
            require(bucket, "bucket", "the bucket must exist");
            check(bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]"), "musubi.blob.s3.bucket must be an S3 bucket name "
                    + "(3-63 lower-case letters, digits, dots and hyphens): " + bucket);
            require(accessKey, "access-key", "give it by the environment variable MUSUBI_BLOB_S3_ACCESS_KEY");
            require(secretKey, "secret-key", "give it by the environment variable MUSUBI_BLOB_S3_SECRET_KEY");
            check(keyPrefix().isEmpty() || keyPrefix().matches("([A-Za-z0-9_-][A-Za-z0-9._-]*/)+"),
                    "musubi.blob.s3.prefix may hold only letters, digits, '.', '_', '-' and '/' between names: " + prefix);
            long part = partSize.toBytes();
            check(part >= S3BlobStore.MIN_PART_SIZE && part <= S3BlobStore.MAX_PART_SIZE,
                    "musubi.blob.s3.part-size must be between 5MB and 5GB (S3's limits): " + shown(partSize));
            check(maxSize.toBytes() <= part * S3BlobStore.MAX_PARTS, "musubi.blob.max-size (" + shown(maxSize)
                    + ") needs more than S3's " + S3BlobStore.MAX_PARTS + " parts of musubi.blob.s3.part-size ("
                    + shown(partSize) + "); raise the part size");
        }

        private static void checkEndpoint(URI uri) {
            check(uri.getRawUserInfo() == null, "musubi.blob.s3.endpoint must not carry credentials; give them in "
                    + "MUSUBI_BLOB_S3_ACCESS_KEY and MUSUBI_BLOB_S3_SECRET_KEY");
            check(("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && (uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))
                    && uri.getRawQuery() == null && uri.getRawFragment() == null,
                    "musubi.blob.s3.endpoint must be http(s)://host[:port] and nothing more: " + uri);
        }

        private static String shown(DataSize size) {
            long megabytes = size.toMegabytes();
            return DataSize.ofMegabytes(megabytes).equals(size) ? megabytes + "MB" : size.toBytes() + " bytes";
        }

        private static void require(String value, String name, String help) {
            check(value != null && !value.isBlank(),
                    "musubi.blob.s3." + name + " is required when musubi.blob.kind=s3 (" + help + ")");
        }

        private static void check(boolean condition, String message) {
            if (!condition) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
