package org.musubi.ingest.ssmix2;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.musubi.ingest.adapter.Location;

/** Every SS-MIX2 problem has a Japanese and an English text that names where it is. */
class Ssmix2ProblemTextsTest {

    private final Properties japanese = load("messages.properties");
    private final Properties english = load("messages_en.properties");

    @Test
    void bothLanguagesHaveTheSameCodes() {
        assertThat(english.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(japanese.stringPropertyNames());
    }

    @Test
    void everyTextNamesItsPlaceAndItsValues() {
        Location where = Location.file("999/901/9999013/-/ADT-00/f").at(3, "PID").field("PID-3");

        assertThat(japanese.stringPropertyNames()).allSatisfy(code -> {
            var problem = Ssmix2Problems.at(where, code, "V1", "V2", "V3");
            assertThat(problem.japanese()).as(code).startsWith(where.toString()).isNotEqualTo(problem.english());
            assertThat(problem.english()).as(code).startsWith(where.toString()).doesNotContain("{");
        });
    }

    private static Properties load(String name) {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(Ssmix2ProblemTextsTest.class.getResourceAsStream(name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
