package org.musubi.ingest.jahis;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.musubi.ingest.adapter.MappingContext;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.ParseResult.Parsed;
import org.musubi.ingest.adapter.ParseResult.Rejected;
import org.musubi.ingest.adapter.SourceFile;

/** Test inputs and a reader with a fixed "today" (2026-04-01, Tokyo). */
final class JahisFiles {

    static final Path SAMPLES = Path.of("../shared/samples/jahis-tc08");
    static final MappingContext CONTEXT = new MappingContext("1341234567", "テスト薬局");
    static final Clock TODAY = Clock.fixed(Instant.parse("2026-03-31T15:00:00Z"), ZoneId.of("Asia/Tokyo"));
    static final Charset SHIFT_JIS = Charset.forName("windows-31j");

    private JahisFiles() {
    }

    /** The results of reading {@code bytes} as the file {@code name}. */
    static List<ParseResult> read(String name, byte[] bytes) {
        List<ParseResult> results = new ArrayList<>();
        new JahisReader(TODAY).read(SourceFile.of(name, bytes), CONTEXT, results::add);
        return results;
    }

    static List<ParseResult> read(String name, String... lines) {
        return read(name, utf8(lines));
    }

    /** A sample file of the shared folder; the test is skipped when the folder is not there. */
    static byte[] sample(String name) {
        assumeTrue(Files.isDirectory(SAMPLES), "JAHIS samples not present: " + SAMPLES.toAbsolutePath());
        try {
            return Files.readAllBytes(SAMPLES.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<ParseResult> readSample(String name) {
        return read(name, sample(name));
    }

    static byte[] utf8(String... lines) {
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] shiftJisCrlf(String... lines) {
        return (String.join("\r\n", lines) + "\r\n").getBytes(SHIFT_JIS);
    }

    static List<Parsed> parsed(List<ParseResult> results) {
        return results.stream().filter(Parsed.class::isInstance).map(Parsed.class::cast).toList();
    }

    static List<Rejected> rejected(List<ParseResult> results) {
        return results.stream().filter(Rejected.class::isInstance).map(Rejected.class::cast).toList();
    }

    /** The resources of type {@code type} of all parsed records, in order. */
    static <T extends Resource> List<T> resources(List<ParseResult> results, Class<T> type) {
        return parsed(results).stream().flatMap(p -> p.resources().stream()).map(m -> m.resource())
                .filter(type::isInstance).map(type::cast).toList();
    }

    /** The directory resource (pharmacy, doctor …) a reference names, among those the parsed records carry. */
    static <T extends Resource> T stored(List<ParseResult> results, Reference reference, Class<T> type) {
        return parsed(results).stream().flatMap(p -> p.directory().stream())
                .filter(d -> d.ref().equals(reference.getReference())).map(d -> type.cast(d.resource())).findFirst()
                .orElseThrow(() -> new AssertionError("no directory resource " + reference.getReference()));
    }

    /** A contained resource by id. */
    static <T extends Resource> T contained(DomainResource owner, String id, Class<T> type) {
        return owner.getContained().stream().filter(r -> r.getIdPart().equals(id) || r.getId().equals("#" + id))
                .map(type::cast).findFirst().orElseThrow(() -> new AssertionError("no contained " + id));
    }
}
