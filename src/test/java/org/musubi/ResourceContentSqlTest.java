package org.musubi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One SQL reader of a stored resource's content (issue 68): the record's store ({@code record.jdbc},
 * {@code record.store}) and the migrations alone read a resource's JSON in SQL — cast to {@code jsonb}, a JSON operator
 * ({@code ->}, {@code ->>}, {@code #>}, {@code @>} …) or a JSON function on its {@code content}, or the code index's own
 * {@code research_codes(content)}. Everyone else counts from the record's code index ({@code research_code}: research
 * cohorts, surveillance) or reads resources through the record's doors and readers, so that a refuted diagnosis or a
 * deleted resource is left out the same way everywhere. The rule reads the SQL in the Java sources' string literals
 * (text blocks too, and literals joined by {@code +}); comments and code are not SQL.
 */
class ResourceContentSqlTest {

    static final Path SOURCES = Path.of("src", "main", "java");
    /** A read of a resource's JSON content in SQL. */
    static final Pattern CONTENT_READ = Pattern.compile("(?i)\\bcontent\\s*(?:::\\s*jsonb?\\b|->|#>|@>|<@)"
            + "|\\b(?:jsonb?_\\w+|research_codes)\\s*\\(\\s*(?:\\w+\\.)?content\\b");
    /** The packages that may read it: the record's store. */
    static final List<String> READERS = List.of("org/musubi/record/jdbc/", "org/musubi/record/store/");

    @Test
    void onlyTheRecordsStoreReadsAResourcesJsonInSql() throws IOException {
        Map<String, String> sources = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                sources.put(SOURCES.relativize(file).toString().replace('\\', '/'), Files.readString(file));
            }
        }
        assertThat(readers(sources)).as("the record's store reads resources' JSON in SQL")
                .contains("org/musubi/record/jdbc/ImportedStays.java");
        assertThat(readersOutside(sources))
                .as("files reading a resource's JSON content in SQL outside the record's store: count Conditions and "
                        + "medicines from the record's code index (research_code), read resources through ReadRecords "
                        + "and record.fhir's readers, or add the query to org.musubi.record.jdbc")
                .isEmpty();
    }

    /**
     * The rule finds a counter that reads a Condition's JSON itself — by cast, operator, JSON path function or the
     * code index's function — and lets the record's store, a lambda named {@code content}, a comment and another
     * table's {@code jsonb} be.
     */
    @Test
    void aResourcesJsonReadInSqlOutsideTheStoreIsFound() {
        Map<String, String> fixture = new TreeMap<>(Map.of(
                "a/JdbcSurveillance.java", """
                        String sql = \"""
                            SELECT count(*) FROM resource r
                            WHERE r.content::jsonb->'code'->'coding' @> '[{"code": "J10"}]'
                            \""";""",
                "b/JdbcCohort.java", "jdbc.sql(\"SELECT patient_key FROM resource WHERE jsonb_path_exists(\" + \"r.content, ?)\")",
                "c/Counter.java", "String s = \"SELECT count(*) FROM resource WHERE content -> 'code' IS NOT NULL\";",
                "d/Codes.java", "String s = \"SELECT unnest(research_codes(r.content)) FROM resource r\";",
                "e/Lambda.java", "files.map(content -> content.strip()); // content::jsonb->'code' in a comment",
                "f/Projects.java", "String s = \"UPDATE research_project SET approved = ?::jsonb WHERE id = ?\";",
                "g/Doc.java", "/** counted from {@code research_codes(content)} (V84) */ class Doc { }",
                "org/musubi/record/jdbc/ImportedStays.java", "String s = \"SELECT content::jsonb->'period' FROM resource\";"));
        assertThat(readersOutside(fixture))
                .containsExactly("a/JdbcSurveillance.java", "b/JdbcCohort.java", "c/Counter.java", "d/Codes.java");
    }

    /** The files outside {@link #READERS} whose SQL reads a resource's content. */
    static List<String> readersOutside(Map<String, String> sources) {
        return readers(sources).stream().filter(file -> READERS.stream().noneMatch(file::startsWith)).toList();
    }

    /** The files whose string literals read a resource's content. */
    static List<String> readers(Map<String, String> sources) {
        return sources.entrySet().stream()
                .filter(e -> literals(e.getValue()).stream().anyMatch(s -> CONTENT_READ.matcher(s).find()))
                .map(Map.Entry::getKey).sorted().toList();
    }

    /**
     * The string literals of a Java source, text blocks included; literals joined by {@code +} are one. Comments,
     * character literals and code are skipped.
     */
    static List<String> literals(String source) {
        List<String> literals = new ArrayList<>();
        StringBuilder current = null;
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                i = lineEnd(source, i);
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '\'') {
                i = closing(source, i + 1, "'");
            } else if (c == '"') {
                boolean block = source.startsWith("\"\"\"", i);
                int start = i + (block ? 3 : 1);
                int end = closing(source, start, block ? "\"\"\"" : "\"");
                String text = source.substring(start, Math.max(start, end - (block ? 3 : 1)));
                if (current == null) {
                    current = new StringBuilder();
                }
                current.append(text);
                i = end;
                int next = skipSpace(source, i);
                if (next < n && source.charAt(next) == '+' && skipSpace(source, next + 1) < n
                        && source.charAt(skipSpace(source, next + 1)) == '"') {
                    i = skipSpace(source, next + 1);
                } else {
                    literals.add(current.toString());
                    current = null;
                }
            } else {
                i++;
            }
        }
        if (current != null) {
            literals.add(current.toString());
        }
        return literals;
    }

    /** The index just after the {@code end} that closes a literal begun before {@code from} (escapes skipped). */
    private static int closing(String source, int from, String end) {
        int i = from;
        while (i < source.length()) {
            if (source.charAt(i) == '\\') {
                i += 2;
            } else if (source.startsWith(end, i)) {
                return i + end.length();
            } else {
                i++;
            }
        }
        return source.length();
    }

    private static int lineEnd(String source, int from) {
        int end = source.indexOf('\n', from);
        return end < 0 ? source.length() : end;
    }

    private static int skipSpace(String source, int from) {
        int i = from;
        while (i < source.length() && Character.isWhitespace(source.charAt(i))) {
            i++;
        }
        return i;
    }
}
