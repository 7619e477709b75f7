package org.musubi.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectStatusTest {

    @Test
    void anApplicationIsApprovedNarrowedOrRefusedAndOnlyAnApprovedProjectEnds() {
        assertThat(ProjectStatus.APPLIED.mayBecome(ProjectStatus.APPROVED)).isTrue();
        assertThat(ProjectStatus.APPLIED.mayBecome(ProjectStatus.NARROWED)).isTrue();
        assertThat(ProjectStatus.APPLIED.mayBecome(ProjectStatus.REFUSED)).isTrue();
        assertThat(ProjectStatus.APPLIED.mayBecome(ProjectStatus.CLOSED)).isFalse();
        assertThat(ProjectStatus.APPROVED.mayBecome(ProjectStatus.CLOSED)).isTrue();
        assertThat(ProjectStatus.NARROWED.mayBecome(ProjectStatus.EXPIRED)).isTrue();
        assertThat(ProjectStatus.APPROVED.mayBecome(ProjectStatus.REFUSED)).isFalse();
        for (ProjectStatus end : List.of(ProjectStatus.REFUSED, ProjectStatus.CLOSED, ProjectStatus.EXPIRED)) {
            for (ProjectStatus next : ProjectStatus.values()) {
                assertThat(end.mayBecome(next)).isFalse();
            }
        }
    }

    @Test
    void aCountNeverReachesBeyondTheApprovedCriteria() {
        Criteria approved = new Criteria(List.of("E11"), List.of(), 40, 90, null, null, "広島市", LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 12, 31));
        Criteria asked = new Criteria(List.of("I10"), List.of(), 20, 70, null, "FEMALE", null, LocalDate.of(2024, 1, 1),
                null);
        CountQuery q = CountQuery.of(approved, asked, LocalDate.of(2026, 1, 1));
        assertThat(q.codeGroups()).containsExactly(List.of("icd:E11"), List.of("icd:I10"));
        assertThat(q.ageFrom()).isEqualTo(40);
        assertThat(q.ageTo()).isEqualTo(70);
        assertThat(q.from()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(q.to()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(q.ageDay()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(q.sexes()).containsExactly("FEMALE");
        assertThat(q.municipalities()).containsExactly("広島市");
    }

    @Test
    void codesAreReadAsTyped() {
        Criteria c = new Criteria(Criteria.split("e11.9, Ｉ10 "), Criteria.split("2149039f1020"), null, null, null, null,
                null, null, null);
        assertThat(c.diagnoses()).containsExactly("E119", "I10");
        assertThat(c.medicationKeys()).containsExactly("yj:2149039F1020", "hot:2149039F1020");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Criteria(List.of("1X"), List.of(), null, null,
                null, null, null, null, null)).isInstanceOf(Criteria.Invalid.class);
    }
}
