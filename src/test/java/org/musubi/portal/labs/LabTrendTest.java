package org.musubi.portal.labs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.musubi.portal.labs.LabTableTest.result;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabTrendTest {

    @Test
    void oneAnalytesResultsAcrossFacilitiesOldestFirstInASeriesPerUnit() {
        LabTrend trend = LabTrend.of(List.of(
                result("1", "3D046", "HbA1c", "%", "2024-03-10", "6.8", 2),
                result("2", "3F077", "LDL", "mg/dL", "2024-02-10", "120", 1),
                result("3", "3D046", "HbA1c", "%", "2024-01-10", "6.1", 1),
                result("4", "3D046", "HbA1c", "mmol/mol", "2024-02-10", "50", 1)), "3D046");

        assertThat(trend.label()).isEqualTo("HbA1c");
        assertThat(trend.series()).extracting(LabTrend.Series::unit).containsExactly("%", "mmol/mol");
        assertThat(trend.series().getFirst().points()).extracting(LabResult::id).containsExactly("3", "1");
        assertThat(trend.series().getFirst().points()).extracting(LabResult::facilityId).containsExactly(1L, 2L);
    }

    @Test
    void aSeriesOfTextValuesOnlyIsListedButNotDrawn() {
        LabResult text = new LabResult("t", "1A010", "尿蛋白", "", LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 1, 1).atStartOfDay(LabObservations.JAPAN).toInstant(), "(-)", null, null, Flag.NONE,
                null, null, "", 1);
        LabResult bounded = new LabResult("c", "5C070", "CRP", "mg/dL", LocalDate.of(2024, 1, 1),
                text.when(), "<0.3", new BigDecimal("0.3"), "<", Flag.NONE, null, null, "", 1);

        assertThat(LabTrend.of(List.of(text), "1A010").series().getFirst().drawable()).isFalse();
        assertThat(LabTrend.of(List.of(bounded), "5C070").series().getFirst().drawable()).isFalse();
    }

    @Test
    void anAnalyteWithoutResultsIsAnEmptyTrend() {
        assertThat(LabTrend.of(List.of(result("1", "3D046", "HbA1c", "%", "2024-03-10", "6.8", 2)), "9Z999").empty())
                .isTrue();
    }
}
