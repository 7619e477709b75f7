package org.musubi.blob.s3;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;

/**
 * Signed requests to one bucket over the JDK's HTTP client, and S3's error answers turned into
 * IOExceptions that say what failed (request, object, status, S3 error code and message, request id)
 * and never carry a credential.
 */
final class S3Exchange implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Requests without file content must be answered within this; uploads may take as long as the line needs. */
    private static final Duration ANSWER_TIMEOUT = Duration.ofMinutes(1);
    private static final long SMALL = 1024 * 1024;
    private static final int ERROR_BODY_LIMIT = 16 * 1024;
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final S3Bucket bucket;
    private final SignatureV4 signature;
    private final HttpClient http;
    private final Clock clock;

    S3Exchange(S3Bucket bucket, S3Credentials credentials, Clock clock) {
        this.bucket = bucket;
        this.signature = new SignatureV4(credentials.accessKey(), credentials.secretKey(), bucket.region());
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Sends a signed request and returns the answer whatever its status; the caller closes its body. */
    HttpResponse<InputStream> send(String method, String object, Map<String, String> query, Payload payload)
            throws IOException {
        String timestamp = TIMESTAMP.format(clock.instant());
        Map<String, String> signed = Map.of("host", bucket.host(), "x-amz-date", timestamp,
                "x-amz-content-sha256", payload.sha256());
        HttpRequest.Builder request = HttpRequest.newBuilder(bucket.uri(object, query))
                .method(method, payload.publisher())
                .header("x-amz-date", timestamp)
                .header("x-amz-content-sha256", payload.sha256())
                .header("Authorization",
                        signature.authorization(method, bucket.path(object), SignatureV4.query(query), signed));
        if (payload.length() < SMALL) {
            request.timeout(ANSWER_TIMEOUT);
        }
        if (method.equals("PUT") && payload.length() > 0) {
            // Lets the store refuse (credentials, bucket) before the content is sent.
            request.expectContinue(true).header("Content-Type", "application/octet-stream");
        }
        try {
            return http.send(request.build(), BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted during S3 " + method + " " + bucket.describe(object));
        } catch (IOException e) {
            throw new IOException("S3 " + method + " " + bucket.describe(object) + " failed: no answer from "
                    + bucket.endpoint() + " (" + e + ")", e);
        }
    }

    /** The failure an unexpected answer means; reads a little of its body for S3's error code, and closes it. */
    S3Failure failure(String method, String object, HttpResponse<InputStream> response) throws IOException {
        byte[] body;
        try (InputStream in = response.body()) {
            body = in.readNBytes(ERROR_BODY_LIMIT);
        }
        return failure(method, object, response.statusCode(), body, response.headers());
    }

    S3Failure failure(String method, String object, int status, byte[] body, HttpHeaders headers) {
        String code = S3Xml.text(body, "Code").or(() -> headers.firstValue("x-amz-error-code"))
                .or(() -> headers.firstValue("x-minio-error-code")).orElse("");
        Optional<String> message = S3Xml.text(body, "Message").map(S3Exchange::shorten);
        StringBuilder text = new StringBuilder("S3 ").append(method).append(' ').append(bucket.describe(object))
                .append(" failed: ").append(status);
        if (!code.isEmpty()) {
            text.append(' ').append(code);
        }
        message.ifPresent(m -> text.append(": ").append(m));
        text.append(hint(status, code));
        headers.firstValue("x-amz-request-id").ifPresent(id -> text.append(" (request id ").append(id).append(')'));
        return new S3Failure(text.toString(), code);
    }

    /** How an object is named in messages. */
    String describe(String object) {
        return bucket.describe(object);
    }

    @Override
    public void close() {
        http.close();
    }

    private static String hint(int status, String code) {
        return switch (code) {
            case "SignatureDoesNotMatch", "InvalidAccessKeyId" ->
                    "; check musubi.blob.s3.access-key and musubi.blob.s3.secret-key";
            case "AuthorizationHeaderMalformed", "PermanentRedirect", "IllegalLocationConstraintException" ->
                    "; check musubi.blob.s3.region and musubi.blob.s3.endpoint";
            case "NoSuchBucket" -> "; check musubi.blob.s3.bucket";
            case "" -> status == 403 ? "; check musubi.blob.s3.access-key, secret-key and region, and the bucket policy" : "";
            default -> "";
        };
    }

    private static String shorten(String message) {
        return message.length() <= 200 ? message : message.substring(0, 200) + "…";
    }
}
