package org.musubi.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;
import org.hl7.fhir.r4.model.Bundle;
import org.musubi.registry.Facility;
import org.musubi.testing.FhirClients;

/**
 * Reads over HTTP as the viewing facility's system: {@code Patient/$everything} and typical searches
 * for the measured persons, in turn. Latency is from sending the request to the last byte of the
 * answer (java.net.http, so client-side parsing is not counted); one answer per kind is parsed with
 * HAPI to check it. A first pass over every person is reported apart as "first call" (colder caches).
 */
final class ReadRun {

    /** The latencies of one kind of call: measured calls, first calls, and what the answer held. */
    record Timing(String name, Distribution latency, Distribution first, int entries, int total) {
    }

    static final String JLAC10 = "urn:oid:1.2.392.200119.4.504";
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String token;
    private final FhirClients api;

    ReadRun(RecordBenchServer server, Facility viewer) {
        this.api = server.bean(FhirClients.class);
        this.base = "http://localhost:" + server.port() + "/fhir/";
        this.token = api.token(server.port(), api.register(viewer, "system/*.read"));
    }

    /** The calls measured: name → the path for a person id. */
    static Map<String, LongFunction<String>> calls() {
        Map<String, LongFunction<String>> calls = new LinkedHashMap<>();
        calls.put("$everything (first page, _count=1000)", p -> "Patient/" + p + "/$everything");
        calls.put("$everything (all, _count=5000)", p -> "Patient/" + p + "/$everything?_count=5000");
        calls.put("Observation?code=HbA1c", p -> "Observation?patient=Patient/" + p + "&code=" + JLAC10 + "|3D046000001920402");
        calls.put("Observation?code=eGFR&date=ge2023", p -> "Observation?patient=Patient/" + p + "&code=" + JLAC10
                + "|8A065000002391901&date=ge2023-01-01");
        calls.put("Observation?category=laboratory&date=ge2024", p -> "Observation?patient=Patient/" + p
                + "&category=laboratory&date=ge2024-01-01");
        calls.put("MedicationRequest?patient", p -> "MedicationRequest?patient=Patient/" + p);
        calls.put("Condition?patient", p -> "Condition?patient=Patient/" + p);
        return calls;
    }

    Timing measure(String name, LongFunction<String> path, long[] persons, int count) throws Exception {
        Distribution[] timed = timed(path, persons, count, this::time);
        Bundle sample = api.context().newJsonParser().parseResource(Bundle.class, get(path.apply(persons[0])).body());
        Timing timing = new Timing(name, timed[0], timed[1], sample.getEntry().size(),
                sample.getTotal());
        System.out.printf(Locale.ROOT, "  %-45s p50 %6.1f  p95 %6.1f  p99 %6.1f ms  (first calls p50 %.1f, max %.1f ms;"
                + " %d entries of %d)%n", name, ms(timing.latency(), 50), ms(timing.latency(), 95), ms(timing.latency(), 99),
                ms(timing.first(), 50), timing.first().max() / 1e6, timing.entries(), timing.total());
        return timing;
    }

    /** A first call per person (colder caches), then {@code count} calls round the persons: {latency, first calls}. */
    static Distribution[] timed(LongFunction<String> path, long[] persons, int count,
                                ToLongFunction<String> time) {
        long[] first = new long[persons.length];
        for (int i = 0; i < persons.length; i++) {
            first[i] = time.applyAsLong(path.apply(persons[i]));
        }
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            nanos[i] = time.applyAsLong(path.apply(persons[i % persons.length]));
        }
        return new Distribution[] {new Distribution(nanos), new Distribution(first)};
    }

    static double ms(Distribution d, double percent) {
        return d.percentile(percent) / 1e6;
    }

    private long time(String path) {
        long start = System.nanoTime();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request(path), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(path + " failed", e);
        }
        long nanos = System.nanoTime() - start;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + new String(response.body()));
        }
        return nanos;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(request(path), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path.replace("|", "%7C"))).header("Authorization", "Bearer " + token)
                .header("Accept", "application/fhir+json").GET().build();
    }
}
