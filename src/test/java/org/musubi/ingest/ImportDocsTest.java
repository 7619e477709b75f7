package org.musubi.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * An operator who sees a problem code on a batch page can look it up: every key of every import message bundle
 * (the codes of {@code ingest.adapter.Problem}s) is written as code, between backticks, in the import docs.
 */
class ImportDocsTest {

    private static final Path BUNDLES = Path.of("src/main/resources/org/musubi/ingest");
    private static final List<Path> DOCS = List.of(Path.of("docs/import.md"), Path.of("docs/lab-csv.md"));

    @Test
    void everyProblemCodeOfTheImportsIsDocumented() throws IOException {
        StringBuilder docs = new StringBuilder();
        for (Path doc : DOCS) {
            docs.append(Files.readString(doc, StandardCharsets.UTF_8)).append('\n');
        }
        Set<String> codes = codes();

        assertThat(codes).as("problem codes found in the bundles").hasSizeGreaterThan(100);
        assertThat(codes).as("problem codes not written as `code` in " + DOCS)
                .filteredOn(code -> !docs.toString().contains('`' + code + '`'))
                .isEmpty();
    }

    /** The keys of the Japanese bundles; the English ones have the same keys (MessageBundlesTest's rule). */
    private static Set<String> codes() throws IOException {
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(BUNDLES)) {
            for (Path bundle : files.filter(f -> f.getFileName().toString().equals("messages.properties")).toList()) {
                Properties properties = new Properties();
                try (Reader reader = Files.newBufferedReader(bundle, StandardCharsets.UTF_8)) {
                    properties.load(reader);
                }
                codes.addAll(properties.stringPropertyNames());
            }
        }
        return codes;
    }
}
