package org.musubi.emergency.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class DatasetPartsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aResultIsFlaggedByTheReportingFacilityElseByItsReferenceRange() {
        assertThat(DatasetParts.flag(JSON.readTree("""
                {"interpretation":[{"coding":[{"code":"HH"}]}],"valueQuantity":{"value":1}}"""))).isEqualTo("HH");
        assertThat(DatasetParts.flag(JSON.readTree("""
                {"interpretation":[{"coding":[{"code":"N"}]}],"valueQuantity":{"value":99},
                 "referenceRange":[{"high":{"value":10}}]}"""))).as("the facility said normal").isNull();
        assertThat(DatasetParts.flag(JSON.readTree("""
                {"valueQuantity":{"value":3.1},"referenceRange":[{"low":{"value":3.5},"high":{"value":5}}]}""")))
                .isEqualTo("L");
        assertThat(DatasetParts.flag(JSON.readTree("""
                {"valueQuantity":{"value":4}, "referenceRange":[{"low":{"value":3.5},"high":{"value":5}}]}"""))).isNull();
    }

    /** (An abated problem: the one problem reader's, ActiveProblemsTest.) */
    @Test
    void aResolvedAllergyIsNotShown() {
        assertThat(DatasetParts.allergy(JSON.readTree("""
                {"code":{"text":"卵"},"clinicalStatus":{"coding":[{"code":"resolved"}]}}"""), "A", "X/1")).isEmpty();
        assertThat(DatasetParts.allergy(JSON.readTree("""
                {"code":{"text":"卵"},"reaction":[{"manifestation":[{"text":"蕁麻疹"}]}]}"""), "A", "X/1"))
                .hasValueSatisfying(l -> assertThat(l.detail()).isEqualTo("蕁麻疹"));
    }

    @Test
    void bloodPressureShowsItsComponents() {
        var bp = DatasetParts.measure(JSON.readTree("""
                {"code":{"text":"血圧"},"effectiveDateTime":"2026-01-01T10:00:00+09:00","component":[
                 {"valueQuantity":{"value":150,"unit":"mmHg"}},{"valueQuantity":{"value":92,"unit":"mmHg"}}]}"""), "手帳", "Observation/1");
        assertThat(bp.value()).isEqualTo("150 mmHg / 92 mmHg");
    }
}
