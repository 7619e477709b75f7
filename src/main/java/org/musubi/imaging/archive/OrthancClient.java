package org.musubi.imaging.archive;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Orthanc's REST and DICOMweb API over HTTP/1.1 (java.net.http; one client whose connections are kept alive and
 * reused — Orthanc speaks no HTTP/2, so no upgrade is offered), signed in with the configured user. Paths are relative to the base URL ({@code /changes?since=0}, {@code /dicom-web/studies/…}); the
 * caller builds them from values it checked (UIDs are digits and dots). Failures to reach the archive are {@link
 * ArchiveUnavailable}; an HTTP status is the caller's to judge.
 */
public class OrthancClient {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final ArchiveProperties settings;
    private final HttpClient http;
    private final String authorization;

    public OrthancClient(ArchiveProperties settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.authorization = settings.username() == null || settings.username().isBlank() ? null
                : "Basic " + Base64.getEncoder().encodeToString((settings.username() + ":" + settings.password())
                        .getBytes(StandardCharsets.UTF_8));
    }

    public ArchiveProperties settings() {
        return settings;
    }

    /** The DICOMweb path of {@code rest} ({@code studies/1.2.3/series}), under the configured root. */
    public String dicomWeb(String rest) {
        String root = settings.dicomWebRoot().endsWith("/") ? settings.dicomWebRoot() : settings.dicomWebRoot() + "/";
        return (root.startsWith("/") ? root : "/" + root) + (rest.startsWith("/") ? rest.substring(1) : rest);
    }

    /** A request to {@code path} under the base URL, signed in, with the configured timeout. */
    public HttpRequest.Builder request(String path) {
        if (!settings.configured()) {
            throw new ArchiveUnavailable("no DICOM archive is configured (musubi.imaging.orthanc-url)");
        }
        String base = settings.orthancUrl().endsWith("/") ? settings.orthancUrl().substring(0, settings.orthancUrl().length() - 1)
                : settings.orthancUrl();
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + (path.startsWith("/") ? path : "/" + path)))
                .timeout(settings.timeout());
        return authorization == null ? builder : builder.header("Authorization", authorization);
    }

    /**
     * Sends {@code request}, its body streamed to the caller (who closes it). A body the archive announces as at most
     * {@value #BUFFERED} bytes (a frame of a small image, a thumbnail) is read whole first, which spares the hand-off
     * of each piece between the client's threads; a larger or unannounced one is streamed as it arrives.
     */
    public HttpResponse<InputStream> stream(HttpRequest request) {
        return send(request, info -> {
            long length = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            return length >= 0 && length <= BUFFERED
                    ? HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofByteArray(),
                            ByteArrayInputStream::new)
                    : HttpResponse.BodySubscribers.ofInputStream();
        });
    }

    /** The largest body {@link #stream} reads whole before handing it on. */
    static final int BUFFERED = 1 << 20;

    /** Sends {@code request} and reads the whole answer. */
    public HttpResponse<byte[]> bytes(HttpRequest request) {
        return send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** GET {@code path} as JSON; throws {@link ArchiveUnavailable} for an answer other than 200. */
    public JsonNode json(String path) {
        HttpResponse<byte[]> answer = bytes(request(path).header("Accept", "application/json").GET().build());
        if (answer.statusCode() != 200) {
            throw new ArchiveUnavailable("the archive answered " + answer.statusCode() + " to GET " + path);
        }
        return MAPPER.readTree(answer.body());
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new ArchiveUnavailable("the DICOM archive cannot be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ArchiveUnavailable("interrupted while waiting for the DICOM archive", e);
        }
    }

    /** The archive is not configured, cannot be reached, or answered what Musubi cannot use. */
    public static final class ArchiveUnavailable extends UncheckedIOException {

        public ArchiveUnavailable(String message) {
            super(message, new IOException(message));
        }

        public ArchiveUnavailable(String message, Throwable cause) {
            super(message, cause instanceof IOException io ? io : new IOException(cause));
        }
    }

    /** Ends the HTTP client with the server (Spring calls it when the context closes; its threads end with it). */
    public void close() {
        http.shutdownNow();
    }
}
