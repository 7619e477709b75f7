package org.musubi.portal.admin.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The audit CSV never hands a spreadsheet program a value it would run as a formula. */
class AuditCsvTest {

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "\n=1", "＝HYPERLINK(\"x\")", "＋1", "－1",
            "＠SUM(A1)", " =1", "\u3000＝1"})
    void aValueBeginningWithAFormulaTriggerIsPrefixedWithAQuote(String value) {
        String field = AuditCsv.field(value);

        String unquoted = field.startsWith("\"") ? field.substring(1, field.length() - 1).replace("\"\"", "\"") : field;
        assertThat(unquoted).isEqualTo("'" + value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"doctor1", "2024-01-01T00:00:00Z", "policy.deny.notLinked", "a=b", "Mozilla/5.0 (X11; +)"})
    void anOrdinaryValueIsLeftAsItIs(String value) {
        assertThat(AuditCsv.field(value).replace("\"", "")).isEqualTo(value.replace("\"", ""));
        assertThat(AuditCsv.field(value)).doesNotStartWith("'").doesNotStartWith("\"'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a,b", "say \"hi\"", "two\nlines"})
    void aValueWithACommaQuoteOrLineBreakIsQuoted(String value) {
        assertThat(AuditCsv.field(value)).isEqualTo("\"" + value.replace("\"", "\"\"") + "\"");
    }
}
