package org.musubi.nodes;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;

/**
 * A facility system's resumable upload (tus 1.0) of an import file to {@code /import/{kind}/uploads}, each step sent to
 * the node the caller names: creation with the length, a PATCH per part, HEAD for the offset the server holds, and GET
 * on the upload's URL for the batch it became. IOException when the node gives no answer (killed). Plain HTTP to a
 * node's port, or {@code https} through {@code http}'s TLS context to a proxy's port.
 */
record TusClient(String token, HttpClient http, String scheme) {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    TusClient(String token) {
        this(token, HTTP, "http");
    }

    /** POST: a new upload of {@code length} bytes named {@code name}; the answer (201 with Location). */
    HttpResponse<String> create(int port, String kind, String name, long length) throws IOException, InterruptedException {
        return send(port, "/import/" + kind + "/uploads", HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.noBody())
                .header("Upload-Length", String.valueOf(length))
                .header("Upload-Metadata", "filename " + Base64.getEncoder().encodeToString(name.getBytes(StandardCharsets.UTF_8))));
    }

    /** PATCH: the bytes {@code from} to {@code to} of {@code content} at that offset. */
    HttpResponse<String> patch(int port, String upload, byte[] content, int from, int to)
            throws IOException, InterruptedException {
        return send(port, upload, HttpRequest.newBuilder()
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(Arrays.copyOfRange(content, from, to)))
                .header("Upload-Offset", String.valueOf(from)).header("Content-Type", "application/offset+octet-stream"));
    }

    /** HEAD: the offset the network holds of this upload (-1 when the answer names none). */
    long offset(int port, String upload) throws IOException, InterruptedException {
        HttpResponse<String> head = send(port, upload, HttpRequest.newBuilder().method("HEAD", HttpRequest.BodyPublishers.noBody()));
        return head.statusCode() / 100 == 2 ? head.headers().firstValue("Upload-Offset").map(Long::parseLong).orElse(-1L) : -1;
    }

    /** GET on the upload's URL: the batch it became. */
    HttpResponse<String> batch(int port, String upload) throws IOException, InterruptedException {
        return send(port, upload, HttpRequest.newBuilder().GET().header("Accept", "application/json"));
    }

    /** The path of the Location a creation answered (absolute or not). */
    static String path(HttpResponse<String> created) {
        String location = created.headers().firstValue("Location").orElseThrow(
                () -> new AssertionError("no Location in " + created.statusCode() + ": " + created.body()));
        return location.startsWith("http") ? URI.create(location).getRawPath() : location;
    }

    private HttpResponse<String> send(int port, String path, HttpRequest.Builder request)
            throws IOException, InterruptedException {
        return http.send(request.uri(URI.create(scheme + "://localhost:" + port + path)).timeout(Duration.ofSeconds(60))
                .header("Tus-Resumable", "1.0.0").header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
