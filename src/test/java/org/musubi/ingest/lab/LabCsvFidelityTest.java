package org.musubi.ingest.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity.QuantityComparator;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.ParseResult.Parsed;
import org.musubi.ingest.adapter.Problem;
import org.musubi.ingest.adapter.SourceFile;

/** Issue 38: a CSV's limit values in words, plus-sign grades and per-field units, stored exactly or with a warning. */
class LabCsvFidelityTest {

    private static final String ROW = "123456,山田 太郎,ヤマダ タロウ,1960-01-01,M,ORD-1,2024-04-01 08:30,001,尿,%s,%s,%s,%s,,,,\r\n";

    @Test
    void readsALimitValueWrittenInWordsAsAQuantityWithItsComparatorAndWarns() {
        Parsed parsed = read(row("5C070000002306101", "CRP", "0.05未満", "mg/dL"), row("3B035000002327201", "AST", "1000以上", "U/L"));

        List<Observation> results = observations(parsed);

        assertThat(results.get(0).getValueQuantity().getComparator()).isEqualTo(QuantityComparator.LESS_THAN);
        assertThat(results.get(0).getValueQuantity().getValue()).isEqualByComparingTo("0.05");
        assertThat(results.get(1).getValueQuantity().getComparator()).isEqualTo(QuantityComparator.GREATER_OR_EQUAL);
        assertThat(parsed.warnings()).extracting(p -> p.code() + " " + p.where().line() + " " + p.where().field())
                .containsExactly("lab.value.limit 2 value", "lab.value.limit 3 value");
    }

    @Test
    void keepsAPlusSignGradeAsTextAndWarns() {
        Parsed parsed = read(row("1A020000000191111", "尿糖定性", "+1", ""));

        Observation sugar = observations(parsed).getFirst();

        assertThat(sugar.getValue()).isInstanceOf(StringType.class);
        assertThat(sugar.getValue().primitiveValue()).isEqualTo("+1");
        assertThat(parsed.warnings()).extracting(Problem::code).containsExactly("lab.value.grade");
    }

    @Test
    void leavesAPerFieldUnitUncodedAndWarns() {
        Parsed parsed = read(row("1B015000000195101", "尿沈渣赤血球", "3", "/F"));

        Observation red = observations(parsed).getFirst();

        assertThat(red.getValueQuantity().getUnit()).isEqualTo("/F");
        assertThat(red.getValueQuantity().hasSystem()).isFalse();
        assertThat(parsed.warnings()).extracting(p -> p.code() + " " + p.where().field()).containsExactly("lab.unit.implausible unit");
    }

    @Test
    void leavesAUnitWithExponentsNoMeasuredValueHasUncodedAndWarns() {
        // valid UCUM, but reducing it would take the UCUM library half a minute: never reduced, never coded
        Parsed parsed = read(row("2A010000001930101", "赤血球数", "450", "Ym99"));

        Observation red = observations(parsed).getFirst();

        assertThat(red.getValueQuantity().getUnit()).isEqualTo("Ym99");
        assertThat(red.getValueQuantity().hasSystem()).isFalse();
        assertThat(parsed.warnings()).extracting(p -> p.code() + " " + p.where().field()).containsExactly("lab.unit.extreme unit");
    }

    private static String row(String jlac10, String name, String value, String unit) {
        return ROW.formatted(jlac10, name, value, unit);
    }

    private static Parsed read(String... rows) {
        List<ParseResult> results = new ArrayList<>();
        new LabCsvReader().read(SourceFile.of("lab.csv", (LabCsvReaderTest.HEADER + String.join("", rows))
                .getBytes(StandardCharsets.UTF_8)), LabHl7ReaderTest.FACILITY, results::add);
        assertThat(results).singleElement().isInstanceOf(Parsed.class);
        return (Parsed) results.getFirst();
    }

    private static List<Observation> observations(Parsed parsed) {
        return parsed.resources().stream().map(r -> r.resource()).filter(Observation.class::isInstance)
                .map(Observation.class::cast).toList();
    }
}
