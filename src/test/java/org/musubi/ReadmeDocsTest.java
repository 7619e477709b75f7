package org.musubi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The whole product can be found from the README: every document under {@code docs/} is linked from it, every link
 * it makes into {@code docs/} leads to a file, and "What works today" names each capability the code has.
 */
class ReadmeDocsTest {

    private static final Pattern DOC_LINK = Pattern.compile("\\]\\((docs/[^)#\\s]+)(?:#[^)]*)?\\)");

    private final String readme = read(Path.of("README.md"));

    @Test
    void everyDocumentUnderDocsIsLinkedFromTheReadme() throws IOException {
        List<String> documents;
        try (Stream<Path> files = Files.list(Path.of("docs"))) {
            documents = files.map(p -> "docs/" + p.getFileName()).filter(name -> name.endsWith(".md")).sorted().toList();
        }
        assertThat(documents).isNotEmpty();
        List<String> linked = DOC_LINK.matcher(readme).results().map(m -> m.group(1)).distinct().toList();

        assertThat(linked).as("docs/*.md linked from README.md").containsAll(documents);
    }

    @Test
    void everyLinkIntoDocsLeadsToAFile() {
        Matcher links = DOC_LINK.matcher(readme);
        while (links.find()) {
            assertThat(Path.of(links.group(1))).as(links.group()).isRegularFile();
        }
    }

    @Test
    void whatWorksTodayNamesEveryCapability() {
        String works = readme.substring(readme.indexOf("## What works today"), readme.indexOf("## Getting started"));

        assertThat(works).contains("health notebook (健康手帳, PHR)", "who viewed", "Ambulance crews", "`/emergency`",
                "emergency minimum dataset", "hand the person over", "Disaster mode (災害モード)", "Read-only standby",
                "passkey", "My Number card", "SMART apps", "Backup and restore", "FHIR R4 API", "Clinician portal");
    }

    @Test
    void commandsRunThroughTheLauncherAndSetUpStaysTwoCommands() {
        String commands = readme.substring(readme.indexOf("## Commands"), readme.indexOf("## Documentation"));
        assertThat(commands.lines().filter(l -> l.startsWith("| `")).toList())
                .isNotEmpty().allSatisfy(row -> assertThat(row).startsWith("| `./musubi "));
        String gettingStarted = readme.substring(readme.indexOf("## Getting started"), readme.indexOf("### Logging in"));
        assertThat(Pattern.compile("(?m)^```\\n([^`]+?)\\n```").matcher(gettingStarted).results()
                .map(m -> m.group(1)).toList()).containsExactly("./mvnw spring-boot:run", "./mvnw verify");
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
