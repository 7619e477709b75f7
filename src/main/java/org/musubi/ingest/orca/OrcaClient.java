package org.musubi.ingest.orca;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.musubi.outbound.Outbound;
import org.w3c.dom.Element;

/**
 * One ORCA server's API as its published specification describes it: xml2 requests posted as
 * {@code application/xml} (UTF-8) or GET with query arguments, Basic authentication with the user and password ORCA
 * gives the facility, answers {@code <xmlio2><…res>} with {@code Api_Result}: {@code 00} (or {@code 000}, {@code 0000})
 * is success. Each API has its own code for "no data" ({@link Codes#nothing}: patientlst1v2 20 該当患者がありません,
 * diseasegetv2 21 対象病名がありません, medicalgetv2 15 対象がありません), which answers nothing, and may have codes
 * its caller handles ({@link Codes#kept}: patientlst1v2 10, more than 1,000 patients); anything else is an
 * {@link OrcaFailure} naming the API, the code and ORCA's {@code Api_Result_Message} (a code one API uses for "no
 * data" is an error in another: medicalgetv2's 21 is "five or more insurance combinations").
 * No answer, an HTTP status other than 200 and an answer that is not ORCA's are one and the same failure for the
 * facility ({@link OrcaFailure#unreachable}).
 */
final class OrcaClient {

    /** What ORCA answered: the {@code …res} record (null when it had nothing) and its {@code Api_Result}. */
    record Answer(Element root, Element record, String result) {
    }

    /** An API's {@code Api_Result} codes besides success: those meaning "no data", those its caller handles. */
    record Codes(java.util.Set<String> nothing, java.util.Set<String> kept) {

        static final Codes NONE = new Codes(java.util.Set.of(), java.util.Set.of());

        static Codes nothing(String... codes) {
            return new Codes(java.util.Set.of(codes), java.util.Set.of());
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private final HttpClient http;
    private final String baseUrl;
    private final String authorization;

    /**
     * The HTTP client every pull shares: it reaches only addresses the operator allows, checked at each connection, and
     * follows no redirect (the credentials must not travel elsewhere).
     */
    static HttpClient http(Outbound outbound) {
        return outbound.httpClient(Duration.ofSeconds(10));
    }

    OrcaClient(HttpClient http, String baseUrl, String user, String password) {
        this.http = http;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** POST of an xml2 request to {@code path?query}. */
    Answer post(String path, String query, String requestXml, Codes codes) {
        HttpRequest request = base(path, query)
                .header("Content-Type", "application/xml; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(requestXml, StandardCharsets.UTF_8)).build();
        return send(path, request, codes);
    }

    /** GET of {@code path?query} (patientgetv2). */
    Answer get(String path, String query, Codes codes) {
        return send(path, base(path, query).GET().build(), codes);
    }

    private HttpRequest.Builder base(String path, String query) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path + (query == null ? "" : "?" + query)))
                .timeout(TIMEOUT).header("Authorization", authorization).header("Accept", "application/xml");
    }

    private Answer send(String path, HttpRequest request, Codes codes) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw OrcaFailure.unreachable(path + ": no answer (" + e + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OrcaFailure(path + ": interrupted", e);
        }
        if (response.statusCode() != 200) {
            throw OrcaFailure.unreachable(path + ": HTTP " + response.statusCode(), null);
        }
        Element root;
        try {
            root = OrcaXml.parse(response.body());
        } catch (IllegalArgumentException e) {
            throw OrcaFailure.unreachable(path + ": the answer is not xml2", e);
        }
        Element record = null;
        for (org.w3c.dom.Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                record = e;
                break;
            }
        }
        String result = record == null ? null : OrcaXml.text(record, "Api_Result");
        if (result == null) {
            throw OrcaFailure.unreachable(path + ": the answer has no Api_Result", null);
        }
        if (result.chars().allMatch(c -> c == '0') || codes.kept().contains(result)) {
            return new Answer(root, record, result);
        }
        if (codes.nothing().contains(result)) {
            return new Answer(root, null, result);
        }
        String message = OrcaXml.text(record, "Api_Result_Message");
        throw new OrcaFailure(path + ": Api_Result " + result + (message == null ? "" : " " + message));
    }
}
