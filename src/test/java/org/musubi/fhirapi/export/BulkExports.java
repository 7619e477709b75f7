package org.musubi.fhirapi.export;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * A Bulk Data client's side of the async pattern, for tests: polls a status URL (short sleeps) until the manifest,
 * downloads its NDJSON files with the bearer token and parses each line with HAPI's parser.
 */
public final class BulkExports {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern OUTPUT = Pattern.compile(
            "\\{\"type\":\"([A-Za-z]+)\",\"url\":\"([^\"]+)\",\"count\":([0-9]+)}");

    private BulkExports() {
    }

    /** One file of a manifest. */
    public record Output(String type, String url, long count) {
    }

    /** GETs {@code url} with {@code token} (none when null); {@code method} GET or DELETE. */
    public static HttpResponse<String> send(String method, String url, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).method(method,
                HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls until the export is no longer running (at most 60 s); the last answer. */
    public static HttpResponse<String> poll(String status, String token) {
        long deadline = System.currentTimeMillis() + 60_000;
        HttpResponse<String> answer = send("GET", status, token);
        while (answer.statusCode() == 202 && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            answer = send("GET", status, token);
        }
        return answer;
    }

    /** The files a manifest lists. */
    public static List<Output> outputs(String manifest) {
        List<Output> outputs = new ArrayList<>();
        Matcher m = OUTPUT.matcher(manifest);
        while (m.find()) {
            outputs.add(new Output(m.group(1), m.group(2), Long.parseLong(m.group(3))));
        }
        return outputs;
    }

    /** Every file downloaded and parsed: ids by type (each line's resource checked to be of its file's type). */
    public static Map<String, Set<String>> download(List<Output> outputs, String token, FhirContext context) {
        IParser json = context.newJsonParser();
        Map<String, Set<String>> ids = new LinkedHashMap<>();
        for (Output output : outputs) {
            HttpResponse<String> file = send("GET", output.url(), token);
            if (file.statusCode() != 200) {
                throw new IllegalStateException(output.url() + ": " + file.statusCode() + " " + file.body());
            }
            Set<String> of = ids.computeIfAbsent(output.type(), t -> new LinkedHashSet<>());
            for (String line : file.body().split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                IBaseResource resource = json.parseResource(line);
                if (!resource.fhirType().equals(output.type())) {
                    throw new IllegalStateException(resource.fhirType() + " in the file of " + output.type());
                }
                of.add(resource.getIdElement().getIdPart());
            }
            if (of.size() != output.count()) {
                throw new IllegalStateException(output.type() + ": " + of.size() + " lines, manifest says " + output.count());
            }
        }
        return ids;
    }
}
