package org.musubi.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * A client's side of tus 1.0 over real HTTP, for tests and benchmarks of resumable uploads: creation with the length
 * and the name, PATCH of a stream from an offset (also one cut off after some bytes, as a dropped connection is), HEAD
 * for the offset the server holds. {@code authorization} is sent as the Authorization header (a bearer token) unless
 * null; {@code headers} (e.g. a session cookie and CSRF token) are added to every request.
 */
public record TusUploads(String base, String authorization, String... headers) {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** POST to {@code endpoint}: a new upload of {@code length} bytes; the answer (201 with Location when created). */
    public HttpResponse<String> create(String endpoint, long length, String name, String type)
            throws IOException, InterruptedException {
        String metadata = "filename " + b64(name) + ",filetype " + b64(type);
        return send(endpoint, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.noBody())
                .header("Upload-Length", String.valueOf(length)).header("Upload-Metadata", metadata));
    }

    /** PATCH: {@code content} (streamed) at {@code offset}. */
    public HttpResponse<String> patch(String upload, long offset, Supplier<InputStream> content)
            throws IOException, InterruptedException {
        return send(upload, HttpRequest.newBuilder()
                .method("PATCH", HttpRequest.BodyPublishers.ofInputStream(content))
                .header("Upload-Offset", String.valueOf(offset)).header("Content-Type", "application/offset+octet-stream"));
    }

    /**
     * PATCH of {@code content} at {@code offset} cut off after {@code cut} bytes, the connection dropped (the stream
     * fails, the request is aborted): true when it failed as a dropped connection does.
     */
    public boolean patchDropped(String upload, long offset, Supplier<InputStream> content, long cut)
            throws InterruptedException {
        try {
            patch(upload, offset, () -> new Cut(content.get(), cut));
            return false;
        } catch (IOException dropped) {
            return true;
        }
    }

    /** HEAD: the offset the server holds (-1 when it names none). */
    public long offset(String upload) throws IOException, InterruptedException {
        HttpResponse<String> head = send(upload, HttpRequest.newBuilder().method("HEAD", HttpRequest.BodyPublishers.noBody()));
        return head.statusCode() / 100 == 2 ? head.headers().firstValue("Upload-Offset").map(Long::parseLong).orElse(-1L) : -1;
    }

    /** The path of the Location a creation answered (absolute or not). */
    public static String path(HttpResponse<String> created) {
        String location = created.headers().firstValue("Location").orElseThrow(
                () -> new AssertionError("no Location in " + created.statusCode() + ": " + created.body()));
        return location.startsWith("http") ? URI.create(location).getRawPath() : location;
    }

    private HttpResponse<String> send(String path, HttpRequest.Builder request) throws IOException, InterruptedException {
        request.uri(URI.create(base + path)).timeout(Duration.ofMinutes(30)).header("Tus-Resumable", "1.0.0");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** A stream that fails after {@code cut} bytes, as a connection that drops. */
    private static final class Cut extends InputStream {
        private final InputStream in;
        private long left;

        Cut(InputStream in, long cut) {
            this.in = in;
            this.left = cut;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                throw new IOException("the connection dropped (test)");
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
