package org.musubi.ingest.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The order mappers', lab readers', lab-result mapping's and checkup reader's problem texts exist in Japanese and English for the same codes. */
class ProblemBundlesTest {

    @ParameterizedTest
    @ValueSource(strings = {"/org/musubi/ingest/hl7/orders/messages", "/org/musubi/ingest/lab/messages",
            "/org/musubi/ingest/results/messages", "/org/musubi/ingest/checkup/messages"})
    void japaneseAndEnglishHaveTheSameCodes(String base) {
        Properties japanese = load(base + ".properties");
        Properties english = load(base + "_en.properties");

        assertThat(english.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(japanese.stringPropertyNames());
        assertThat(japanese.stringPropertyNames()).allSatisfy(code -> {
            assertThat(japanese.getProperty(code)).isNotBlank().doesNotContain("''");
            assertThat(english.getProperty(code)).isNotBlank();
        });
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(ProblemBundlesTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return properties;
    }
}
