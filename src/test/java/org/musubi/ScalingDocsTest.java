package org.musubi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/scaling.md's Citus table ("Every table") names every table the migrations leave in the schema, each with its
 * kind and distribution key, so that a new migration cannot add a table without saying how it would be distributed
 * beyond one PostgreSQL; and it names no table that no migration leaves.
 */
class ScalingDocsTest {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Path SCALING = Path.of("docs/scaling.md");

    private static final Pattern FILE_VERSION = Pattern.compile("V(\\d+(?:[._]\\d+)*)__.*\\.sql");
    private static final String NAME = "((?:\"?\\w+\"?\\.)?\"?\\w+\"?)";
    private static final Pattern CREATE = Pattern.compile("(?i)\\bCREATE\\s+(?:(?:GLOBAL|LOCAL)\\s+)?((?:TEMP|TEMPORARY)\\s+)?"
            + "(?:UNLOGGED\\s+)?TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?" + NAME);
    private static final Pattern DROP = Pattern.compile("(?i)\\bDROP\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?([\\w\".,\\s]+?)"
            + "\\s*(?:CASCADE|RESTRICT)?\\s*;");
    private static final Pattern RENAME = Pattern.compile("(?i)\\bALTER\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(?:ONLY\\s+)?" + NAME
            + "\\s+RENAME\\s+TO\\s+" + NAME);
    /** A row of the table: | `name` (V…) | kind | distribution key | … */
    private static final Pattern ROW = Pattern.compile("(?m)^\\| `(\\w+)` \\(V[^)]*\\) \\| ([^|]+) \\| ([^|]+) \\|");
    private static final Set<String> KINDS = Set.of("distributed", "reference", "local");

    @Test
    void theCitusTableNamesEveryTableTheMigrationsLeaveAndNoOther() throws IOException {
        Set<String> tables = tablesLeftByMigrations();
        assertThat(tables).as("tables parsed from the migrations").contains("facility", "person", "source_patient", "resource",
                "audit_event", "phr_account_recovery").doesNotContain("resource_token", "resource_date", "person_renumber");

        Set<String> documented = documentedTables().keySet();

        assertThat(documented).as("tables in docs/scaling.md, section 5, \"Every table\": add a row for each new table")
                .containsAll(tables);
        assertThat(tables).as("tables in docs/scaling.md that no migration leaves in the schema").containsAll(documented);
    }

    @Test
    void everyRowSaysItsKindAndADistributedTableItsKey() throws IOException {
        Map<String, String[]> rows = documentedTables();
        assertThat(rows).isNotEmpty();
        rows.forEach((table, cells) -> {
            assertThat(cells[0]).as(table + ": kind").isIn(KINDS);
            if (cells[0].equals("distributed")) {
                assertThat(cells[1]).as(table + ": distribution key").startsWith("`");
            } else {
                assertThat(cells[1]).as(table + ": a " + cells[0] + " table has no distribution key").isEqualTo("—");
            }
        });
    }

    @Test
    void theParserFollowsCreatesDropsAndRenamesAndLeavesCommentsAndTemporaryTablesOut() {
        Set<String> tables = new LinkedHashSet<>();
        apply("""
                -- CREATE TABLE in_a_comment (id int);
                CREATE TABLE kept (id int);
                CREATE TABLE IF NOT EXISTS public."Quoted" (id int);
                CREATE TEMP TABLE scratch (id int) ON COMMIT DROP;
                CREATE TEMPORARY TABLE scratch2 AS SELECT 1;
                CREATE UNLOGGED TABLE gone (id int);
                CREATE TABLE old_name (id int);
                ALTER TABLE old_name RENAME TO new_name;
                DROP TABLE gone;
                """, tables);
        assertThat(tables).containsExactlyInAnyOrder("kept", "quoted", "new_name");

        apply("DROP TABLE IF EXISTS kept, quoted CASCADE;", tables);
        assertThat(tables).containsExactly("new_name");
    }

    /** The tables the migrations leave, applied in version order. */
    private static Set<String> tablesLeftByMigrations() throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(MIGRATIONS)) {
            files = listed.filter(p -> FILE_VERSION.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparing(ScalingDocsTest::version, ScalingDocsTest::compareVersions)).toList();
        }
        assertThat(files).as("migrations under " + MIGRATIONS).isNotEmpty();
        Set<String> tables = new LinkedHashSet<>();
        for (Path file : files) {
            apply(Files.readString(file), tables);
        }
        return tables;
    }

    private static void apply(String sql, Set<String> tables) {
        String statements = sql.replaceAll("--[^\\n]*", "");
        List<int[]> positions = new ArrayList<>();
        List<Runnable> changes = new ArrayList<>();
        Matcher create = CREATE.matcher(statements);
        while (create.find()) {
            if (create.group(1) == null) {
                String name = name(create.group(2));
                positions.add(new int[] {create.start(), changes.size()});
                changes.add(() -> tables.add(name));
            }
        }
        Matcher drop = DROP.matcher(statements);
        while (drop.find()) {
            List<String> names = Arrays.stream(drop.group(1).split(",")).map(String::strip).map(ScalingDocsTest::name).toList();
            positions.add(new int[] {drop.start(), changes.size()});
            changes.add(() -> names.forEach(tables::remove));
        }
        Matcher rename = RENAME.matcher(statements);
        while (rename.find()) {
            String from = name(rename.group(1));
            String to = name(rename.group(2));
            positions.add(new int[] {rename.start(), changes.size()});
            changes.add(() -> {
                if (tables.remove(from)) {
                    tables.add(to);
                }
            });
        }
        positions.sort(Comparator.comparingInt(p -> p[0]));
        positions.forEach(p -> changes.get(p[1]).run());
    }

    /** A table's name without schema and quotes, as PostgreSQL folds it when unquoted (Musubi quotes none). */
    private static String name(String written) {
        String last = written.substring(written.lastIndexOf('.') + 1);
        return last.replace("\"", "").toLowerCase(Locale.ROOT);
    }

    /** The rows of section 5's table: table name, then its kind and distribution key. */
    private static Map<String, String[]> documentedTables() throws IOException {
        String doc = Files.readString(SCALING);
        int start = doc.indexOf("### Every table");
        assertThat(start).as("docs/scaling.md has the section \"Every table\"").isNotNegative();
        int end = doc.indexOf("\n###", start + 1);
        String section = doc.substring(start, end < 0 ? doc.length() : end);
        Map<String, String[]> rows = new LinkedHashMap<>();
        Matcher row = ROW.matcher(section);
        while (row.find()) {
            String[] previous = rows.put(row.group(1), new String[] {row.group(2).strip(), row.group(3).strip()});
            assertThat(previous).as("table " + row.group(1) + " has one row").isNull();
        }
        return rows;
    }

    private static String version(Path file) {
        Matcher m = FILE_VERSION.matcher(file.getFileName().toString());
        assertThat(m.matches()).isTrue();
        return m.group(1);
    }

    private static int compareVersions(String one, String other) {
        int[] a = Arrays.stream(one.split("[._]")).mapToInt(Integer::parseInt).toArray();
        int[] b = Arrays.stream(other.split("[._]")).mapToInt(Integer::parseInt).toArray();
        return Arrays.compare(a, b);
    }
}
