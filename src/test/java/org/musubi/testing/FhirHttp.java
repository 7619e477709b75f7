package org.musubi.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Plain HTTP calls to {@code /fhir} with a bearer token (or none), for what HAPI's client does not do as a system
 * would: choosing JSON or XML, reading a file answer, posting a raw body.
 */
public record FhirHttp(int port, String token) {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** {@code accept} e.g. {@code application/fhir+json}; the answer's body as UTF-8 text. */
    public HttpResponse<String> get(String path, String accept) {
        return send("GET", path, accept, null, null);
    }

    /** {@code body} is sent with {@code contentType}; none when {@code body} is null. */
    public HttpResponse<String> send(String method, String path, String accept, String contentType, String body) {
        return send(request(port, method, path, accept, contentType, body, Map.of()));
    }

    /** Sends {@code request} with this caller's bearer token (none when the token is null). */
    public HttpResponse<String> send(HttpRequest.Builder request) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A request to {@code /fhir/path} before the credential is added, as a system or a browser sends it:
     * {@code headers} besides Accept and (with a body) Content-Type, e.g. the purpose of use.
     */
    public static HttpRequest.Builder request(int port, String method, String path, String accept, String contentType,
            String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/fhir/" + path))
                .header("Accept", accept);
        headers.forEach(request::header);
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        return request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }
}
