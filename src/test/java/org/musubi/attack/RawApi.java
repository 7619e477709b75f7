package org.musubi.attack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A facility system's plain HTTP calls to /fhir with its own bearer token, as an attacker would make them. */
record RawApi(int port, String token) {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<String> get(String path) {
        return send("GET", path, null);
    }

    HttpResponse<String> post(String path, String json) {
        return send("POST", path, json);
    }

    HttpResponse<String> send(String method, String path, String json) {
        return send(method, path, json, Map.of());
    }

    /** {@code headers} besides the token, the FHIR JSON Accept and (with a body) Content-Type, e.g. the purpose of use. */
    HttpResponse<String> send(String method, String path, String json, Map<String, String> headers) {
        return send(request(port, method, path, json, headers), token);
    }

    /** Stores {@code content} as a PDF Binary about {@code patient} ({@code Patient?identifier=…}). */
    HttpResponse<String> binary(String patient, String content) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/fhir/Binary"))
                .header("Content-Type", "application/pdf").header("X-Security-Context", patient)
                .POST(HttpRequest.BodyPublishers.ofString(content, StandardCharsets.UTF_8)), token);
    }

    /** A /fhir request as a system or a browser sends it, before the credential is added. */
    static HttpRequest.Builder request(int port, String method, String path, String json, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/fhir/" + path))
                .header("Accept", "application/fhir+json");
        headers.forEach(request::header);
        if (json != null) {
            request.header("Content-Type", "application/fhir+json");
        }
        return request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, String token) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
