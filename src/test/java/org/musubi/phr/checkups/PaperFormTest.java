package org.musubi.phr.checkups;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.registry.FieldFault;

/** The paper-result form read without a server; and the trends drawn from read checkups. */
class PaperFormTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

    @Test
    void readsFullWidthDigitsAndComputesBmiFromHeightAndWeight() {
        PaperForm.Read read = PaperForm.read(Map.of("date", "２０２５/06/１２", "height", "１７０",
                "weight", "65.0", "place", "  市の集団健診  "), false, TODAY);

        assertThat(read.faults()).isEmpty();
        assertThat(read.entry().date()).isEqualTo(LocalDate.of(2025, 6, 12));
        assertThat(read.entry().place()).isEqualTo("市の集団健診");
        assertThat(read.entry().values()).containsEntry(PaperItem.BMI, new BigDecimal("22.5")).hasSize(3);
    }

    @Test
    void namesEveryFieldAtFaultAndKeepsNothing() {
        PaperForm.Read read = PaperForm.read(Map.of("date", "2026-03-02", "weight", "0.5", "systolic", "70",
                "diastolic", "70", "ldl", "百", "bmi", "99"), false, TODAY);

        assertThat(read.entry()).isNull();
        assertThat(read.faults()).extracting(FieldFault::field).containsExactly("date", "weight", "ldl", "diastolic");
        assertThat(read.faults().get(1).args()).containsExactly("1", "400", "kg");
    }

    @Test
    void aPhotoAloneIsAResultButAnEmptyFormIsNot() {
        assertThat(PaperForm.read(Map.of("date", "2025-01-01"), true, TODAY).valid()).isTrue();
        assertThat(PaperForm.read(Map.of("date", "2025-01-01"), false, TODAY).faults()).extracting(FieldFault::field)
                .containsExactly("values");
    }

    @Test
    void aTrendIsDrawnForItemsSeenOnTwoDaysAndBreaksAtLongGaps() {
        CheckupValue weight2019 = value("9N006", "70.0");
        List<Checkup> checkups = List.of(
                new Checkup("a", LocalDate.of(2019, 6, 1), "A", false, false, List.of(weight2019, value("3F015", "140"))),
                new Checkup("b", LocalDate.of(2023, 6, 1), "A", false, false, List.of(value("9N006", "72.0"))),
                new Checkup("c", LocalDate.of(2024, 6, 1), null, true, false, List.of(value("9N006", "71.0"))));

        List<CheckupTrend> trends = CheckupTrend.of(checkups);

        assertThat(trends).singleElement().satisfies(t -> {
            assertThat(t.key()).isEqualTo("9N006");
            assertThat(t.points()).extracting(CheckupTrend.Point::own).containsExactly(false, false, true);
            assertThat(t.points().getFirst().x()).isEqualTo(4.0);
            assertThat(t.points().getLast().x()).isEqualTo(156.0);
            assertThat(t.segments()).as("four years without a checkup break the line").singleElement().asString()
                    .matches("[0-9.]+,[0-9.]+ [0-9.]+,[0-9.]+");
        });
    }

    private static CheckupValue value(String key, String number) {
        return new CheckupValue(key, key, PaperItem.ofAnalyte(key).orElse(null), CheckupGroup.of(
                FhirSystems.CHECKUP_ITEM, key + "000000000001"), number, new BigDecimal(number),
                "kg", null, null);
    }
}
