package org.musubi.attack;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.musubi.testing.FhirHttp;

/** A facility system's plain HTTP calls to /fhir with its own bearer token, as an attacker would make them. */
record RawApi(int port, String token) {

    private static final String FHIR_JSON = "application/fhir+json";

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
        return new FhirHttp(port, token).send(request(port, method, path, json, headers));
    }

    /** A request to a path outside /fhir (e.g. {@code /api/box/...}) with the token and {@code headers}, no body. */
    HttpResponse<String> outside(String method, String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::header);
        return new FhirHttp(port, token).send(request);
    }

    /** Stores {@code content} as a PDF Binary about {@code patient} ({@code Patient?identifier=…}). */
    HttpResponse<String> binary(String patient, String content) {
        return new FhirHttp(port, token).send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/fhir/Binary"))
                .header("Content-Type", "application/pdf").header("X-Security-Context", patient)
                .POST(HttpRequest.BodyPublishers.ofString(content, StandardCharsets.UTF_8)));
    }

    /** A /fhir request in FHIR JSON as a system or a browser sends it, before the credential is added. */
    static HttpRequest.Builder request(int port, String method, String path, String json, Map<String, String> headers) {
        return FhirHttp.request(port, method, path, FHIR_JSON, FHIR_JSON, json, headers);
    }
}
