package org.musubi.blob.s3;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.musubi.blob.Blob;
import org.musubi.blob.BlobStore;
import org.musubi.blob.SpooledContent;

/**
 * Blobs in an S3-compatible object store (Amazon S3, MinIO, …), named like the local store's files
 * ({@code <prefix>ab/cd/<sha256>}), so a store moves between the two by copying. An upload is first
 * spooled to a temporary file while its hash is computed (refused beyond the limit, keeping nothing),
 * then sent only if the store does not have it yet: whole up to the part size, in parts above it.
 * Every request is signed (AWS Signature Version 4) over its content's SHA-256, so the store refuses
 * content changed on the way, over HTTP as over HTTPS. Reads stream straight from the store. Parts of uploads in
 * progress are objects under {@code <prefix>parts/}, named by their writer and removed by it.
 */
public final class S3BlobStore implements BlobStore, AutoCloseable {

    /** S3's smallest part but the last. */
    public static final long MIN_PART_SIZE = 5L * 1024 * 1024;
    /** S3's largest part. */
    public static final long MAX_PART_SIZE = 5L * 1024 * 1024 * 1024;
    /** S3's most parts in one upload. */
    public static final int MAX_PARTS = 10_000;
    private final S3Exchange s3;
    private final S3Bucket bucket;
    private final long partSize;
    private final Path spool;

    /**
     * @param partSize files above this are sent in parts of this size
     * @param spool    a local directory for uploads in progress
     */
    public S3BlobStore(S3Bucket bucket, S3Credentials credentials, long partSize, Path spool) {
        this(bucket, credentials, partSize, spool, Clock.systemUTC());
    }

    S3BlobStore(S3Bucket bucket, S3Credentials credentials, long partSize, Path spool, Clock clock) {
        if (partSize <= 0) {
            throw new IllegalArgumentException("part size must be positive: " + partSize);
        }
        this.s3 = new S3Exchange(bucket, credentials, clock);
        this.bucket = bucket;
        this.partSize = partSize;
        this.spool = spool;
    }

    @Override
    public Blob put(InputStream content, long maxBytes) throws IOException {
        try (SpooledContent spooled = SpooledContent.receive(content, maxBytes, spool)) {
            String object = BlobStore.path(spooled.sha256());
            if (!exists(object)) {
                send(object, spooled);
            }
            return spooled.blob();
        }
    }

    @Override
    public long putPart(String name, InputStream content, long maxBytes) throws IOException {
        String object = BlobStore.partPath(name);
        try (SpooledContent spooled = SpooledContent.receive(content, maxBytes, spool)) {
            send(object, spooled);
            return spooled.size();
        }
    }

    @Override
    public Optional<InputStream> openPart(String name) throws IOException {
        return get(BlobStore.partPath(name));
    }

    @Override
    public void deletePart(String name) throws IOException {
        String object = BlobStore.partPath(name);
        HttpResponse<InputStream> response = s3.send("DELETE", object, Map.of(), Payload.EMPTY);
        if (response.statusCode() != 204 && response.statusCode() != 200 && response.statusCode() != 404) {
            throw s3.failure("DELETE", object, response);
        }
        response.body().close();
    }

    private void send(String object, SpooledContent spooled) throws IOException {
        if (spooled.size() > partSize) {
            new MultipartUpload(s3, object).send(spooled, partSize);
        } else {
            upload(object, spooled);
        }
    }

    @Override
    public Optional<InputStream> open(String key) throws IOException {
        if (!BlobStore.isKey(key)) {
            return Optional.empty();
        }
        return get(BlobStore.path(key));
    }

    private Optional<InputStream> get(String object) throws IOException {
        HttpResponse<InputStream> response = s3.send("GET", object, Map.of(), Payload.EMPTY);
        return switch (response.statusCode()) {
            case 200 -> Optional.of(response.body());
            case 404 -> {
                S3Failure failure = s3.failure("GET", object, response);
                if (failure.code().equals("NoSuchBucket")) {
                    throw failure;
                }
                yield Optional.empty();
            }
            default -> throw s3.failure("GET", object, response);
        };
    }

    @Override
    public void close() {
        s3.close();
    }

    @Override
    public String toString() {
        return "S3BlobStore[" + bucket.endpoint() + " " + bucket.describe("") + "]";
    }

    private boolean exists(String object) throws IOException {
        HttpResponse<InputStream> response = s3.send("HEAD", object, Map.of(), Payload.EMPTY);
        return switch (response.statusCode()) {
            case 200 -> {
                response.body().close();
                yield true;
            }
            case 404 -> {
                response.body().close();
                yield false;
            }
            default -> throw s3.failure("HEAD", object, response);
        };
    }

    private void upload(String object, SpooledContent spooled) throws IOException {
        Payload payload = Payload.file(spooled.file(), spooled.size(), spooled.sha256());
        HttpResponse<InputStream> response = s3.send("PUT", object, Map.of(), payload);
        if (response.statusCode() != 200) {
            throw s3.failure("PUT", object, response);
        }
        response.body().close();
    }
}
