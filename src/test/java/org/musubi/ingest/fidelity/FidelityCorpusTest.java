package org.musubi.ingest.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.musubi.ingest.ImportKind;
import org.musubi.ingest.adapter.MappingContext;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.Problem;
import org.musubi.ingest.adapter.SourceFile;
import org.musubi.ingest.adapter.SourceReader;
import org.musubi.ingest.checkup.CheckupXmlReader;
import org.musubi.ingest.hl7.Hl7Parsing;
import org.musubi.ingest.hl7.orders.OrderMappers;
import org.musubi.ingest.jahis.JahisReader;
import org.musubi.ingest.lab.LabCsvReader;
import org.musubi.ingest.lab.LabHl7Reader;
import org.musubi.ingest.ssmix2.Ssmix2Reader;
import org.musubi.ingest.uke.UkeReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The fidelity corpus (issue 38): one small file per real-world deviation — written the way the outside system writes
 * it — and the FHIR it must produce, compared element by element, with the exact set of warnings it must give. A case
 * fails when a value is stored differently, an element the case names is missing or present where it must be absent,
 * a record is rejected that should be kept (or the other way round), or a warning is missing or extra.
 *
 * <p>A case is a folder under {@code src/test/resources/fidelity/<kind>/<case>/} holding the input file and
 * {@code case.json}:
 * <pre>{@code
 * {
 *   "kind": "LAB_HL7",                       // an ImportKind: SSMIX2, JAHIS, LAB_HL7, LAB_CSV, CHECKUP
 *   "file": "result.hl7",                    // the input, in the case folder
 *   "name": "000/.../file_name",             // optional: the name the reader is given (an SS-MIX2 path in its storage)
 *   "attachments": [ "image001.png", "old/" ], // optional: files of the case folder that come with the input (the other
 *                                            // files of an SS-MIX2 content folder), named beside it; one ending in /
 *                                            // is a folder found there (named only, so it need not exist)
 *   "why": "what the outside system does",   // the deviation, in a sentence
 *   "expect": [                               // resources that must be there
 *     { "type": "Observation",
 *       "where": { "code.coding.code": "3A010000002327101" },   // picks exactly one resource of the type
 *       "is":    { "valueQuantity.value": 0.5, "valueQuantity.comparator": "<", "valueQuantity.unit": "mg/dL" },
 *       "absent": [ "valueString" ] }
 *   ],
 *   "count": { "Observation": 1 },            // optional: exact number of resources of a type
 *   "warnings": [ "lab.value.limit" ],        // the exact set of warning codes (Problem.code) of the parsed records
 *   "rejected": [ ]                           // the exact set of rejection codes
 * }
 * }</pre>
 * Paths are dot-separated element names of the resource's JSON; an array on the way matches when any of its elements
 * does ({@code code.coding.code}); {@code name[1]} picks one element. Values compare as JSON (numbers by value).
 * The Patient a parsed record describes ({@code Parsed.patientResource}) is among the resources too, once however
 * many records carry it, so a case can expect the patient a file produces.
 */
class FidelityCorpusTest {

    static final Path CORPUS = Path.of("src/test/resources/fidelity");
    static final MappingContext CONTEXT = new MappingContext("1311234567", "忠実度試験病院");
    static final Clock TODAY = Clock.fixed(Instant.parse("2026-03-31T15:00:00Z"), ZoneId.of("Asia/Tokyo"));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FhirContext FHIR = FhirContext.forR4Cached();

    @TestFactory
    Stream<DynamicTest> everyCaseProducesExactlyItsFhirAndItsWarnings() throws IOException {
        List<Path> cases;
        try (Stream<Path> found = Files.walk(CORPUS)) {
            cases = found.filter(p -> p.getFileName().toString().equals("case.json")).map(Path::getParent).sorted().toList();
        }
        assertThat(cases).as("the corpus holds cases").isNotEmpty();
        return cases.stream().map(dir -> DynamicTest.dynamicTest(CORPUS.relativize(dir).toString(), () -> check(dir)));
    }

    private static void check(Path dir) throws IOException {
        JsonNode spec = JSON.readTree(dir.resolve("case.json").toFile());
        ImportKind kind = ImportKind.valueOf(spec.path("kind").asString());
        String file = spec.path("file").asString();
        String name = spec.path("name").isMissingNode() ? file : spec.path("name").asString();
        List<ParseResult> results = new ArrayList<>();
        reader(kind).read(input(dir, name, Files.readAllBytes(dir.resolve(file)), spec.path("attachments")), CONTEXT,
                results::add);

        List<JsonNode> resources = new ArrayList<>();
        TreeSet<String> warnings = new TreeSet<>();
        TreeSet<String> rejections = new TreeSet<>();
        for (ParseResult result : results) {
            switch (result) {
                case ParseResult.Parsed parsed -> {
                    JsonNode patient = json(parsed.patientResource());
                    if (!resources.contains(patient)) {
                        resources.add(patient);
                    }
                    parsed.resources().forEach(m -> resources.add(json(m.resource())));
                    parsed.warnings().stream().map(Problem::code).forEach(warnings::add);
                }
                case ParseResult.Rejected rejected -> rejections.add(rejected.problem().code());
            }
        }
        String what = dir.getFileName() + " (" + spec.path("why").asString("") + ")";
        assertThat(rejections).as(what + ": rejections").containsExactlyInAnyOrderElementsOf(strings(spec.path("rejected")));
        assertThat(warnings).as(what + ": warnings").containsExactlyInAnyOrderElementsOf(strings(spec.path("warnings")));
        for (Map.Entry<String, JsonNode> count : spec.path("count").properties()) {
            assertThat(resources.stream().filter(r -> r.path("resourceType").asString().equals(count.getKey())))
                    .as(what + ": " + count.getKey() + " resources").hasSize(count.getValue().asInt());
        }
        for (JsonNode expected : spec.path("expect")) {
            expect(what, resources, expected);
        }
    }

    private static void expect(String what, List<JsonNode> resources, JsonNode expected) {
        String type = expected.path("type").asString();
        List<JsonNode> picked = resources.stream().filter(r -> r.path("resourceType").asString().equals(type))
                .filter(r -> expected.path("where").properties().stream().allMatch(w -> Paths.matches(r, w.getKey(),
                        w.getValue()))).toList();
        assertThat(picked).as(what + ": one " + type + " where " + expected.path("where") + " among " + resources)
                .hasSize(1);
        JsonNode resource = picked.getFirst();
        for (Map.Entry<String, JsonNode> is : expected.path("is").properties()) {
            assertThat(Paths.matches(resource, is.getKey(), is.getValue())).as(what + ": " + type + "." + is.getKey()
                    + " = " + is.getValue() + " in " + resource).isTrue();
        }
        for (JsonNode absent : expected.path("absent")) {
            assertThat(Paths.values(resource, absent.asString())).as(what + ": " + type + "." + absent.asString()
                    + " absent in " + resource).isEmpty();
        }
    }

    /** The input as the reader is given it: alone, or with the case's attachments named beside it. */
    private static SourceFile input(Path dir, String name, byte[] bytes, JsonNode attachments) throws IOException {
        if (attachments.isEmpty()) {
            return SourceFile.of(name, bytes);
        }
        String folder = name.substring(0, name.lastIndexOf('/') + 1);
        List<SourceFile> files = new ArrayList<>();
        long size = bytes.length;
        for (JsonNode attachment : attachments) {
            String file = attachment.asString();
            if (file.endsWith("/")) {
                files.add(SourceFile.folder(folder + file));
                continue;
            }
            byte[] content = Files.readAllBytes(dir.resolve(file));
            size += content.length;
            files.add(SourceFile.of(folder + file, content));
        }
        return new SourceFile(name, size, () -> new ByteArrayInputStream(bytes), files);
    }

    static SourceReader reader(ImportKind kind) {
        Hl7Parsing parsing = Parsing.SHARED;
        return switch (kind) {
            case SSMIX2 -> new Ssmix2Reader(parsing,
                    OrderMappers.byDataType());
            case JAHIS -> new JahisReader(TODAY);
            case LAB_HL7 -> new LabHl7Reader(parsing);
            case LAB_CSV -> new LabCsvReader();
            case CHECKUP -> new CheckupXmlReader();
            case ORCA -> new org.musubi.ingest.orca.OrcaReader();
            case UKE -> new UkeReader();
        };
    }

    private static JsonNode json(IBaseResource resource) {
        return JSON.readTree(FHIR.newJsonParser().encodeResourceToString(resource));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    /** One HL7 v2 parser for the corpus (expensive to make, safe to share). */
    private static final class Parsing {
        static final Hl7Parsing SHARED = new Hl7Parsing();
    }

    /** The corpus's element paths over a resource's JSON. */
    static final class Paths {

        private Paths() {
        }

        /** Whether any value at {@code path} equals {@code expected} (numbers by value). */
        static boolean matches(JsonNode resource, String path, JsonNode expected) {
            return values(resource, path).stream().anyMatch(v -> same(v, expected));
        }

        /** Every value at {@code path}, arrays on the way walked through unless an index picks one element. */
        static List<JsonNode> values(JsonNode node, String path) {
            List<JsonNode> at = List.of(node);
            for (String step : path.split("\\.")) {
                int bracket = step.indexOf('[');
                String name = bracket < 0 ? step : step.substring(0, bracket);
                Integer index = bracket < 0 ? null : Integer.valueOf(step.substring(bracket + 1, step.length() - 1));
                List<JsonNode> next = new ArrayList<>();
                for (JsonNode n : at) {
                    JsonNode child = n.path(name);
                    if (child.isMissingNode() || child.isNull()) {
                        continue;
                    }
                    if (child.isArray()) {
                        if (index != null) {
                            if (index < child.size()) {
                                next.add(child.get(index));
                            }
                        } else {
                            child.forEach(next::add);
                        }
                    } else {
                        next.add(child);
                    }
                }
                at = next;
            }
            return at;
        }

        private static boolean same(JsonNode actual, JsonNode expected) {
            if (actual.isNumber() && expected.isNumber()) {
                return actual.decimalValue().compareTo(expected.decimalValue()) == 0;
            }
            return actual.equals(expected) || (expected.isString() && actual.isValueNode()
                    && actual.asString().equals(expected.asString()));
        }
    }
}
