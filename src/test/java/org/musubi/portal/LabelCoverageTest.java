package org.musubi.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.musubi.audit.AuditAction;
import org.musubi.audit.Outcome;
import org.musubi.audit.Purpose;
import org.musubi.consent.ConsentScope;
import org.musubi.identity.LinkMethod;
import org.musubi.identity.PersonStatus;
import org.musubi.identity.Sex;
import org.musubi.identity.cards.CardKind;
import org.musubi.identity.cards.CardStatus;
import org.musubi.identity.matching.ReviewReason;
import org.musubi.identity.matching.compare.Agreement;
import org.musubi.identity.matching.compare.MatchField;
import org.musubi.ingest.BatchStatus;
import org.musubi.phr.sheet.SelfReports;
import org.musubi.portal.labs.Flag;
import org.musubi.registry.Profession;

/**
 * Every text a screen asks for exists in Japanese and in English: the keys the templates name (literally, or as a
 * prefix completed by a coded value), the code tables the templates and the viewer read through {@code @labels},
 * and the message keys written in the Java code; no text is empty.
 */
class LabelCoverageTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path JAVA = Path.of("src/main/java");
    private static final Pattern LITERAL_KEY = Pattern.compile("#\\{([a-zA-Z][\\w.-]*)[}(]");
    private static final Pattern PREFIX_KEY = Pattern.compile("#\\{'([\\w.]+\\.)' \\+");
    private static final Pattern CODE_SET = Pattern.compile("@labels\\.of\\('(\\w+)'|addCode\\(\"[\\w.]+\", \"(\\w+)\"|Detail\\.code\\(\"[\\w.]+\", \"(\\w+)\"");
    private static final Pattern JAVA_KEY = Pattern.compile("\"([a-z][a-zA-Z0-9]*(?:\\.[a-zA-Z0-9][\\w-]*)+)\"");
    /** A template printing one of these fields as it is shows a code (DONE, PERMIT, emergency-dataset …), not a word. */
    private static final Pattern RAW_CODE = Pattern.compile(
            "th:text=\"\\$\\{[\\w.]+\\.(status|state|kind|resourceType|action|purpose|outcome|classCode|category|method|scope|profession)(\\(\\))?}\""
            + "|\\?: *[\\w.]+\\.(status|state|kind|resourceType|action|purpose|outcome|classCode|category|method|scope|profession)\\b");
    /** What the Java code writes as an audit row's target: a resource type, or the page or operation read. */
    private static final Pattern AUDIT_TARGET = Pattern.compile(
            "\\.on\\(\"([\\w$-]+)\"|AuditAction\\.[A-Z_]+,\\s*\"([\\w$-]+)\"|AUDITED_AS = \"([\\w-]+)\"|chart\\.open\\(me, \\w+, [\\w.()]+, \"([\\w-]+)\"");
    private static final Set<String> FILE_TYPES = Set.of("csv", "json", "html", "xml", "txt", "pdf", "zip", "properties");

    private final Properties japanese = load("/messages.properties");
    private final Properties english = load("/messages_en.properties");

    @Test
    void bothLanguagesHaveTheSameKeysAndNoEmptyText() {
        assertThat(english.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(japanese.stringPropertyNames());
        assertThat(japanese.stringPropertyNames()).allSatisfy(key -> {
            assertThat(japanese.getProperty(key)).as("ja " + key).isNotBlank();
            assertThat(english.getProperty(key)).as("en " + key).isNotBlank();
        });
    }

    @Test
    void everyKeyATemplateNamesHasATextInBothLanguages() {
        Set<String> literal = found(templates(), LITERAL_KEY);
        Set<String> prefixes = found(templates(), PREFIX_KEY);

        assertThat(literal).hasSizeGreaterThan(300).allSatisfy(this::bothHave);
        assertThat(prefixes).isNotEmpty().allSatisfy(prefix -> assertThat(japanese.stringPropertyNames())
                .as("some key starts with " + prefix).anyMatch(k -> k.startsWith(prefix)));
    }

    @Test
    void everyCodedValueATemplateCompletesAKeyWithHasATextInBothLanguages() {
        Map<String, Class<? extends Enum<?>>> tables = Map.ofEntries(Map.entry("sex.", Sex.class),
                Map.entry("personStatus.", PersonStatus.class), Map.entry("cardStatus.", CardStatus.class),
                Map.entry("cardKind.", CardKind.class), Map.entry("consentScope.", ConsentScope.class),
                Map.entry("outcome.", Outcome.class), Map.entry("labs.flag.", Flag.class),
                Map.entry("code.reviewReason.", ReviewReason.class), Map.entry("code.matchField.", MatchField.class),
                Map.entry("code.agreement.", Agreement.class), Map.entry("imports.status.", BatchStatus.class),
                Map.entry("action.", AuditAction.class), Map.entry("purpose.", Purpose.class),
                Map.entry("profession.", Profession.class));
        Stream<String> keys = Stream.concat(tables.entrySet().stream().flatMap(t -> Arrays.stream(t.getValue().getEnumConstants())
                        .map(c -> t.getKey() + ((Enum<?>) c).name())),
                Stream.concat(Arrays.stream(LinkMethod.values()).map(m -> "code.linkMethod." + m),
                        Arrays.stream(SelfReports.Source.values()).map(s -> "selfReported.source." + s)));

        assertThat(keys.toList()).allSatisfy(this::bothHave);
    }

    @Test
    void everyReasonAReviewIsOpenedForIsSaidInWordsWithWhatTheOperatorCanDo() {
        assertThat(org.musubi.identity.linkage.MatchReviews.REASONS).hasSize(ReviewReason.values().length + 5)
                .allSatisfy(reason -> {
                    bothHave("code.reviewReason." + reason);
                    bothHave("code.reviewReasonHelp." + reason);
                });
    }

    @Test
    void noTemplatePrintsACodedFieldAsItIs() {
        List<String> raw = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            files.filter(f -> f.toString().endsWith(".html")).forEach(f -> {
                Matcher m = RAW_CODE.matcher(content(f));
                while (m.find()) {
                    raw.add(TEMPLATES.relativize(f) + ": " + m.group());
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        assertThat(raw).as("coded values shown through a label (#{'set.' + code} or @labels), never as they are").isEmpty();
    }

    @Test
    void everyTargetTheAuditTrailWritesHasAWordOnTheAuditScreen() {
        Set<String> targets = found(javaSources(), AUDIT_TARGET);

        assertThat(targets).contains("emergency-dataset", "labs", "timeline", "Patient", "User", "phr-medications")
                .allSatisfy(target -> bothHave("auditTarget." + target));
    }

    @Test
    void everyCodeTableTheScreensReadExists() {
        Set<String> sets = found(Stream.concat(templates(), javaSources()), CODE_SET);

        assertThat(sets).contains("encounterClass", "status", "department", "reviewReason", "matchField", "agreement")
                .allSatisfy(set -> assertThat(japanese.stringPropertyNames()).as("code table " + set)
                        .anyMatch(k -> k.startsWith("code." + set + ".")));
        bothHave("code.unknown");
    }

    @Test
    void everyMessageKeyTheJavaCodeWritesHasATextInBothLanguages() {
        Set<String> tops = new TreeSet<>();
        japanese.stringPropertyNames().forEach(k -> tops.add(k.substring(0, k.indexOf('.') < 0 ? k.length() : k.indexOf('.'))));
        Set<String> keys = found(javaSources(), JAVA_KEY);
        List<String> messageKeys = keys.stream()
                .filter(k -> tops.contains(k.substring(0, k.indexOf('.'))))
                .filter(k -> !FILE_TYPES.contains(k.substring(k.lastIndexOf('.') + 1)))
                .filter(k -> japanese.stringPropertyNames().stream().noneMatch(p -> p.startsWith(k + ".")))
                .toList();

        assertThat(messageKeys).hasSizeGreaterThan(100).allSatisfy(this::bothHave);
    }

    /** In the screens' bundle, or in one of the bundles beside the code (import problems keep their own). */
    private void bothHave(String key) {
        if (japanese.getProperty(key) == null) {
            List<Path> own = moduleBundles().filter(b -> load(b).getProperty(key) != null).toList();
            assertThat(own).as("a bundle with " + key).isNotEmpty();
            own.forEach(b -> assertThat(load(Path.of(b.toString().replace("messages.properties", "messages_en.properties")))
                    .getProperty(key)).as("English text of " + key + " beside " + b).isNotBlank());
            return;
        }
        assertThat(japanese.getProperty(key)).as("Japanese text of " + key).isNotBlank();
        assertThat(english.getProperty(key)).as("English text of " + key).isNotBlank();
    }

    private static Stream<Path> moduleBundles() {
        try {
            return Files.walk(Path.of("src/main/resources/org")).filter(f -> f.getFileName().toString().equals("messages.properties"))
                    .toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static Set<String> found(Stream<String> texts, Pattern pattern) {
        Set<String> found = new TreeSet<>();
        texts.forEach(text -> {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                for (int g = 1; g <= m.groupCount(); g++) {
                    if (m.group(g) != null) {
                        found.add(m.group(g));
                    }
                }
            }
        });
        return found;
    }

    private static Stream<String> templates() {
        return read(TEMPLATES, ".html");
    }

    private static Stream<String> javaSources() {
        return read(JAVA, ".java");
    }

    private static Stream<String> read(Path root, String suffix) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(suffix)).map(LabelCoverageTest::content).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String content(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(LabelCoverageTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
