package org.musubi.ingest.jahis;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Tag;
import org.musubi.ingest.adapter.MappedResource;
import org.musubi.ingest.adapter.MappingContext;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.ParseResult.Parsed;
import org.musubi.ingest.adapter.ParseResult.Rejected;
import org.musubi.ingest.adapter.SourceFile;
import org.musubi.medication.notebook.JahisWriter;

/**
 * Any bytes give Parsed or Rejected results, never an exception, and never the mapping's safety net
 * ({@code jahis.unexpected}); what was parsed can be written back and read again. Run as a plain test
 * it replays the seeds in {@code JahisReaderFuzzTestInputs/}; {@code JAZZER_FUZZ=1} fuzzes for real.
 */
@Tag("fuzz")
class JahisReaderFuzzTest {

    private static final JahisReader READER = new JahisReader(Clock.fixed(Instant.parse("2026-04-01T00:00:00Z"), ZoneOffset.UTC));
    private static final MappingContext CONTEXT = new MappingContext("1341234567", "fuzz");

    @FuzzTest(maxDuration = "30s")
    void readsAnyBytesIntoParsedOrRejectedResults(byte[] input) {
        List<ParseResult> results = read(input);
        if (results.isEmpty()) {
            throw new AssertionError("no result at all");
        }
        for (ParseResult result : results) {
            if (result instanceof Rejected rejected && rejected.problem().code().equals("jahis.unexpected")) {
                throw new AssertionError("the mapping failed: " + rejected.problem());
            }
        }
        JahisSplit.of(input);
        List<Parsed> parsed = results.stream().filter(Parsed.class::isInstance).map(Parsed.class::cast).toList();
        if (!parsed.isEmpty()) {
            List<Resource> history = parsed.stream().flatMap(p -> p.resources().stream()).map(MappedResource::resource).toList();
            Map<String, Resource> directory = new HashMap<>();
            parsed.forEach(p -> p.directory().forEach(d -> directory.put(d.ref(), d.resource())));
            byte[] written = new JahisWriter(StandardCharsets.UTF_8).write(parsed.getFirst().patientResource(), history,
                    directory);
            if (read(written).stream().noneMatch(Parsed.class::isInstance)) {
                throw new AssertionError("the written notebook lost its patient:\n" + new String(written, StandardCharsets.UTF_8));
            }
        }
    }

    private static List<ParseResult> read(byte[] input) {
        List<ParseResult> results = new ArrayList<>();
        READER.read(SourceFile.of("fuzz.txt", input), CONTEXT, results::add);
        return results;
    }
}
