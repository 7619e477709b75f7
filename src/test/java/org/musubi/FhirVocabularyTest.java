package org.musubi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One owner per FHIR meaning (issue 23): a code system, identifier system, profile or extension URI, and every URN
 * Musubi mints, is written as a string literal in one source file only — {@code record.fhir.FhirSystems} when more
 * than one class needs it — so that the adapters, the viewer and the API cannot drift apart on a spelling.
 */
class FhirVocabularyTest {

    /** The URIs of FHIR vocabulary: Musubi's URNs, OIDs, JP Core, HL7, LOINC, MEDIS, YJ, JAMI, UCUM. */
    static final Pattern VOCABULARY = Pattern.compile("\"(urn:musubi[^\"]*|urn:oid:[0-9.]+|http://jpfhir\\.jp[^\"]*"
            + "|http://(terminology\\.)?hl7\\.org/[^\"]*|http://loinc\\.org|http://medis\\.or\\.jp[^\"]*"
            + "|http://capstandard\\.jp[^\"]*|http://jami\\.jp[^\"]*|http://unitsofmeasure\\.org)\"");
    static final Path SOURCES = Path.of("src", "main", "java");

    @Test
    void eachVocabularyUriIsDeclaredInOneFile() throws IOException {
        Map<String, Set<String>> filesByUri = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher uri = VOCABULARY.matcher(Files.readString(file));
                while (uri.find()) {
                    filesByUri.computeIfAbsent(uri.group(1), k -> new TreeSet<>()).add(SOURCES.relativize(file).toString());
                }
            }
        }
        assertThat(filesByUri).as("the sources hold FHIR vocabulary").isNotEmpty();
        List<String> repeated = filesByUri.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> e.getKey() + " in " + e.getValue()).toList();
        assertThat(repeated)
                .as("URIs written in more than one file: declare them once in org.musubi.record.fhir.FhirSystems")
                .isEmpty();
    }
}
