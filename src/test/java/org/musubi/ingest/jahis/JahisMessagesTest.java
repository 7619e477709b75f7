package org.musubi.ingest.jahis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Japanese first, English available: both bundles have the same keys, and every problem code used has a text. */
class JahisMessagesTest {

    private final Properties japanese = load("messages.properties");
    private final Properties english = load("messages_en.properties");

    @Test
    void bothLanguagesHaveTheSameKeys() {
        assertThat(english.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(japanese.stringPropertyNames());
    }

    @Test
    void everyProblemCodeInTheSourceHasATextInBothLanguages() throws IOException {
        Pattern code = Pattern.compile("\"(jahis\\.[a-zA-Z]+\\.?[a-zA-Z]*)\"");
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java/org/musubi/ingest/jahis"))) {
            for (Path source : sources.filter(Files::isRegularFile).toList()) {
                Matcher m = code.matcher(Files.readString(source));
                while (m.find()) {
                    assertThat(japanese.getProperty(m.group(1))).as(m.group(1) + " in " + source.getFileName()).isNotBlank();
                    assertThat(english.getProperty(m.group(1))).as(m.group(1)).isNotBlank();
                }
            }
        }
    }

    private static Properties load(String name) {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(JahisMessagesTest.class.getResourceAsStream(name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
