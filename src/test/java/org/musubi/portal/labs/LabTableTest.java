package org.musubi.portal.labs;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class LabTableTest {

    static LabResult result(String id, String analyte, String label, String unit, String day, String value,
                            long facility) {
        LocalDate date = LocalDate.parse(day);
        return new LabResult(id, analyte, label, unit, date, date.atStartOfDay(LabObservations.JAPAN).toInstant(),
                value, new BigDecimal(value), null, Flag.NONE, null, null, "", facility);
    }

    @Test
    void rowsAreAnalytesInCodeOrderAndColumnsAreDaysNewestFirst() {
        LabTable table = LabTable.of(List.of(
                result("1", "3F077", "LDL", "mg/dL", "2024-01-10", "120", 1),
                result("2", "3D046", "HbA1c", "%", "2024-01-10", "6.1", 1),
                result("3", "3D046", "HbA1c", "%", "2024-03-05", "6.4", 2)), 0);

        assertThat(table.days()).containsExactly(LocalDate.of(2024, 3, 5), LocalDate.of(2024, 1, 10));
        assertThat(table.rows()).extracting(LabTable.Row::label).containsExactly("HbA1c", "LDL");
        assertThat(table.rows().get(0).cells()).extracting(c -> c.stream().map(LabResult::value).toList())
                .containsExactly(List.of("6.4"), List.of("6.1"));
        assertThat(table.rows().get(1).cells()).extracting(c -> c.stream().map(LabResult::value).toList())
                .containsExactly(List.of(), List.of("120"));
    }

    @Test
    void oneAnalyteInTwoUnitsGetsARowPerUnitMarkedAsVarying() {
        LabTable table = LabTable.of(List.of(
                result("1", "3C015", "クレアチニン", "mg/dL", "2024-01-10", "0.9", 1),
                result("2", "3C015", "クレアチニン", "µmol/L", "2024-02-10", "80", 2),
                result("3", "3D046", "HbA1c", "%", "2024-02-10", "6.0", 2)), 0);

        assertThat(table.rows()).extracting(LabTable.Row::analyte, LabTable.Row::unit, LabTable.Row::unitVaries)
                .containsExactly(Tuple.tuple("3C015", "mg/dL", true),
                        Tuple.tuple("3C015", "µmol/L", true),
                        Tuple.tuple("3D046", "%", false));
    }

    @Test
    void sameDayResultsOfTwoFacilitiesShareACellNewestFirst() {
        LabResult morning = result("a", "3D046", "HbA1c", "%", "2024-01-10", "6.1", 1);
        LabResult evening = new LabResult("b", "3D046", "HbA1c", "%", LocalDate.of(2024, 1, 10),
                morning.when().plusSeconds(3600 * 10), "6.3", new BigDecimal("6.3"), null, Flag.HIGH, null, null, "", 2);

        LabTable table = LabTable.of(List.of(morning, evening), 0);

        assertThat(table.days()).hasSize(1);
        assertThat(table.rows().getFirst().cells().getFirst()).extracting(LabResult::id).containsExactly("b", "a");
    }

    @Test
    void theMostCommonNameLabelsTheRow() {
        LabTable table = LabTable.of(List.of(
                result("1", "3D046", "HbA1c(NGSP)", "%", "2024-03-10", "6.1", 1),
                result("2", "3D046", "HbA1c", "%", "2024-02-10", "6.1", 2),
                result("3", "3D046", "HbA1c", "%", "2024-01-10", "6.1", 2)), 0);

        assertThat(table.rows().getFirst().label()).isEqualTo("HbA1c");
    }

    @Test
    void twelveDaysAPageWithOlderPagesAndOnlyRowsWithResultsOnThePage() {
        List<LabResult> results = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            results.add(result("h" + i, "3D046", "HbA1c", "%", LocalDate.of(2020, 1, 1).plusMonths(i).toString(), "6.0", 1));
        }
        results.add(result("old", "3F077", "LDL", "mg/dL", "2020-01-01", "130", 1));

        LabTable first = LabTable.of(results, 0);
        LabTable last = LabTable.of(results, 2);
        LabTable beyond = LabTable.of(results, 9);

        assertThat(first.days()).hasSize(LabTable.DAYS_PER_PAGE).first().isEqualTo(LocalDate.of(2022, 6, 1));
        assertThat(first.pageCount()).isEqualTo(3);
        assertThat(first.hasOlder()).isTrue();
        assertThat(first.hasNewer()).isFalse();
        assertThat(first.rows()).extracting(LabTable.Row::label).containsExactly("HbA1c");
        assertThat(last.days()).hasSize(6).last().isEqualTo(LocalDate.of(2020, 1, 1));
        assertThat(last.rows()).extracting(LabTable.Row::label).containsExactly("HbA1c", "LDL");
        assertThat(last.hasOlder()).isFalse();
        assertThat(beyond.page()).isEqualTo(2);
    }

    @Test
    void anEmptyRecordIsOneEmptyPage() {
        LabTable table = LabTable.of(List.of(), 3);

        assertThat(table.rows()).isEmpty();
        assertThat(table.page()).isZero();
        assertThat(table.pageCount()).isEqualTo(1);
    }

    @Test
    void facilitiesGetStableShortNamesThatTellThemApart() {
        FacilityMarks marks = FacilityMarks.of(Map.of(9L, "結び病院", 3L, "あおば診療所", 4L, "医療法人社団 結び会 結び診療所",
                5L, "あおば薬局"));

        assertThat(marks.mark(3)).isEqualTo("あおば診");
        assertThat(marks.mark(5)).isEqualTo("あおば薬");
        assertThat(marks.mark(9)).isEqualTo("結び病");
        assertThat(marks.mark(4)).isEqualTo("結び会");
        assertThat(marks.name(9)).isEqualTo("結び病院");
    }

    @Test
    void aFacilityBadgeNeverReadsAsAnAbnormalFlag() {
        Map<Long, String> names = new HashMap<>();
        for (long i = 1; i <= 30; i++) {
            names.put(i, "施設" + (char) ('あ' + i));
        }
        names.put(40L, "AAクリニック");
        names.put(41L, "Hクリニック");
        names.put(42L, "L");
        FacilityMarks marks = FacilityMarks.of(names);

        Set<String> flags = Arrays.stream(Flag.values()).map(Flag::mark)
                .collect(Collectors.toSet());
        assertThat(marks.marks()).extracting(FacilityMarks.Mark::mark).doesNotContainAnyElementsOf(flags)
                .doesNotHaveDuplicates();
    }
}
