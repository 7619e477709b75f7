package org.musubi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.musubi.testing.MusubiSources;

/**
 * CSV is written and read one way (issue 68): only {@code text.csv.CsvWriter} knows what starts a spreadsheet formula
 * and doubles a field's quotes, only {@code text.csv.CsvReader} takes a quoted field apart (the lab import's stream
 * too, through {@code CsvReader.stream}). Before, five exports guarded formulas four ways and four readers read quotes
 * each their own way. Each rule is also checked against a deliberate violation written here.
 */
class CsvRulesTest {

    /** A list of the characters that start a formula: the guard's own logic. */
    static final Pattern FORMULA_GUARD = Pattern.compile("=\\+-@|\\\\uFF1D|＝＋");
    /** A field's quotes doubled by hand. */
    static final Pattern QUOTES_DOUBLED = Pattern.compile("replace\\(\\s*\"\\\\\"\"\\s*,\\s*\"\\\\\"\\\\\"\"\\s*\\)");
    /** A doubled quote inside a quoted field taken apart by hand. */
    static final Pattern QUOTES_READ = Pattern.compile("== '\"' && [^\\n]*== '\"'");
    static final String WRITER = "org/musubi/text/csv/CsvWriter.java";
    static final String READER = "org/musubi/text/csv/CsvReader.java";
    /** SQL quotes an identifier as CSV quotes a field: the backup's catalogue does, for SQL. */
    static final String SQL_IDENTIFIERS = "org/musubi/backup/jdbc/Catalog.java";

    static List<String> filesOutside(Map<String, String> sources, Pattern logic, Set<String> owners) {
        return sources.entrySet().stream().filter(e -> !owners.contains(e.getKey()) && logic.matcher(e.getValue()).find())
                .map(Map.Entry::getKey).sorted().toList();
    }

    @Test
    void onlyTheCsvWriterGuardsFormulasAndQuotesFields() throws IOException {
        Map<String, String> sources = sources();
        assertThat(filesOutside(sources, FORMULA_GUARD, Set.of())).containsExactly(WRITER);
        assertThat(filesOutside(sources, QUOTES_DOUBLED, Set.of(WRITER, SQL_IDENTIFIERS))).isEmpty();
    }

    @Test
    void onlyTheCsvReaderTakesQuotedFieldsApart() throws IOException {
        assertThat(filesOutside(sources(), QUOTES_READ, Set.of(READER))).isEmpty();
    }

    @Test
    void anExportWritingItsOwnCsvFails() {
        Map<String, String> fixture = Map.of(
                "a/OwnGuard.java", "String safe = \"=+-@\".indexOf(text.charAt(0)) >= 0 ? \"'\" + text : text;",
                "b/OwnQuotes.java", "return \"\\\"\" + text.replace(\"\\\"\", \"\\\"\\\"\") + \"\\\"\";",
                "c/OwnReader.java", "if (c == '\"' && i + 1 < line.length() && line.charAt(i + 1) == '\"') {",
                "d/Fine.java", "return CsvWriter.field(text);");

        assertThat(filesOutside(fixture, FORMULA_GUARD, Set.of())).containsExactly("a/OwnGuard.java");
        assertThat(filesOutside(fixture, QUOTES_DOUBLED, Set.of())).containsExactly("b/OwnQuotes.java");
        assertThat(filesOutside(fixture, QUOTES_READ, Set.of())).containsExactly("c/OwnReader.java");
    }

    private static Map<String, String> sources() throws IOException {
        return MusubiSources.main();
    }
}
