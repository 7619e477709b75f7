package org.musubi.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The tags the fast profile ({@code ./mvnw verify -Pfast}, README) leaves out are on every class they name: {@code fuzz}
 * on each Jazzer target, {@code browser} on each class that drives Chromium, {@code drill} on each drill (a class named
 * so, or one that starts Musubi or a node in another process or a second server beside its own). A new class of one of
 * these kinds without its tag would slow the fast tier down unseen.
 */
class TestTagsTest {

    private static final Path TESTS = Path.of("src", "test", "java");
    private static final Pattern BROWSER = Pattern.compile("^(?!\\s*(?:\\*|//)).*(?:\\bChromium\\b|browserAs\\()",
            Pattern.MULTILINE);
    private static final Pattern DRILL = Pattern.compile(
            "^(?!\\s*(?:\\*|//)).*\\b(?:ChildServers|ChildJvms|DrillMusubi|ProxiedNodes|PgAutoFailover)\\b", Pattern.MULTILINE);

    private record Source(String name, String text) {
        boolean tagged(String tag) {
            return text.contains("@Tag(\"" + tag + "\")");
        }
    }

    @Test
    void everyFuzzTargetBrowserTestAndDrillCarriesItsTag() throws IOException {
        List<Source> classes = testClasses();
        assertThat(classes).as("the test classes found").hasSizeGreaterThan(300);

        assertThat(untagged(classes.stream().filter(c -> c.name().endsWith("FuzzTest")), "fuzz"))
                .as("Jazzer targets without @Tag(\"fuzz\")").isEmpty();
        assertThat(untagged(classes.stream().filter(c -> BROWSER.matcher(c.text()).find()), "browser"))
                .as("classes driving Chromium without @Tag(\"browser\")").isEmpty();
        assertThat(untagged(classes.stream().filter(c -> c.name().endsWith("DrillIT") || DRILL.matcher(c.text()).find()),
                "drill")).as("drills without @Tag(\"drill\")").isEmpty();
        assertThat(classes.stream().filter(c -> c.tagged("browser") || c.tagged("drill") || c.tagged("fuzz"))
                .filter(c -> !c.name().endsWith("IT") && !c.name().endsWith("FuzzTest")).map(Source::name))
                .as("tags on classes that are neither integration tests nor fuzz targets").isEmpty();
    }

    private static TreeSet<String> untagged(Stream<Source> classes, String tag) {
        return classes.filter(c -> !c.tagged(tag)).map(Source::name).collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<Source> testClasses() throws IOException {
        try (Stream<Path> files = Files.walk(TESTS)) {
            return files.filter(f -> f.toString().endsWith("IT.java") || f.toString().endsWith("Test.java"))
                    .map(TestTagsTest::read).filter(c -> !c.name().equals("TestTagsTest")).toList();
        }
    }

    private static Source read(Path file) {
        try {
            return new Source(file.getFileName().toString().replace(".java", ""), Files.readString(file));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
