package org.musubi.text.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one CSV writer: RFC 4180 quoting, and the one guard against formula injection (OWASP "CSV injection"). */
class CsvWriterTest {

    @Test
    void prefixesEveryTextASpreadsheetWouldRunWithAnApostrophe() {
        for (String formula : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "\nx", "＝1", "＋1", "－1", "＠x",
                "  =1", "\u3000=1")) {
            assertThat(CsvWriter.guarded(formula)).as(formula).isEqualTo("'" + formula);
        }
        assertThat(CsvWriter.guarded("呉市")).isEqualTo("呉市");
        assertThat(CsvWriter.guarded("a=b")).isEqualTo("a=b");
        assertThat(CsvWriter.guarded("")).isEmpty();
    }

    @Test
    void quotesAFieldHoldingACommaAQuoteOrALineBreakAfterGuardingIt() {
        assertThat(CsvWriter.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvWriter.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvWriter.field("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(CsvWriter.field("\nx")).isEqualTo("\"'\nx\"");
        assertThat(CsvWriter.field(null)).isEmpty();
    }

    @Test
    void writesNumbersAsTheyAre() {
        assertThat(CsvWriter.field(-5)).isEqualTo("-5");
        assertThat(CsvWriter.field(12L)).isEqualTo("12");
    }

    @Test
    void quotesAlwaysWhenAskedAndStillGuards() {
        assertThat(CsvWriter.quoted("呉市")).isEqualTo("\"呉市\"");
        assertThat(CsvWriter.quoted("-x")).isEqualTo("\"'-x\"");
        assertThat(CsvWriter.quoted(null)).isEqualTo("\"\"");
    }

    @Test
    void writesDataForProgramsUnguarded() {
        assertThat(CsvWriter.data("-")).isEqualTo("-");
        assertThat(CsvWriter.data("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvWriter.data(null)).isEmpty();
    }

    @Test
    void writesALineWithItsLineEnd() {
        assertThat(CsvWriter.line(Arrays.asList("a", 1, null, "=x"))).isEqualTo("a,1,,'=x\r\n");
    }

    @Test
    void whatItWritesReadsBackAsWritten() {
        String line = CsvWriter.line(List.of("a,b", "two\nlines", "say \"hi\""));
        assertThat(CsvReader.records(line)).singleElement()
                .satisfies(r -> assertThat(r.fields()).containsExactly("a,b", "two\nlines", "say \"hi\""));
    }
}
