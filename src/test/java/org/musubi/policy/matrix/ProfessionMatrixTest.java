package org.musubi.policy.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.musubi.policy.DataCategory.*;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.musubi.policy.DataCategory;
import org.musubi.registry.Profession;

class ProfessionMatrixTest {

    private final ProfessionMatrix defaults = ProfessionMatrix.defaults();

    /** Every kind of data: the JP-CLINS flags are no kinds and in no row of the matrix. */
    private static final Set<DataCategory> KINDS = EnumSet.complementOf(EnumSet.copyOf(DataCategory.FLAGS));

    @Test
    void theJpClinsFlagsAreInNoRowDefaultOrParsed() {
        ProfessionMatrix parsed = ProfessionMatrix.parse(Map.of("DOCTOR", "ALL"));
        for (Profession profession : Profession.values()) {
            assertThat(defaults.categoriesOf(profession)).as("%s", profession).doesNotContainAnyElementsOf(DataCategory.FLAGS);
            assertThat(parsed.categoriesOf(profession)).as("%s", profession).doesNotContainAnyElementsOf(DataCategory.FLAGS);
        }
    }

    @Test
    void defaultsLetEveryProfessionSeeDemographics() {
        for (Profession profession : Profession.values()) {
            if (profession != Profession.RESIDENT) {
                assertThat(defaults.categoriesOf(profession)).as("%s", profession).contains(DEMOGRAPHICS);
            }
        }
    }

    @Test
    void aResidentSeesNothingThroughTheMatrixOnlyTheirOwnRecordThroughSelfAccess() {
        assertThat(defaults.categoriesOf(Profession.RESIDENT)).isEmpty();
        assertThat(ProfessionMatrix.parse(Map.of()).categoriesOf(Profession.RESIDENT)).isEmpty();
        Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> ProfessionMatrix.parse(Map.of("resident", "ALL")))
                .withMessageContaining("RESIDENT").withMessageContaining("self access");
    }

    @Test
    void defaultsFollowTheDocumentedTable() {
        assertThat(defaults.categoriesOf(Profession.DOCTOR)).isEqualTo(EnumSet.complementOf(EnumSet.of(ADMINISTRATIVE,
                DataCategory.UNINFORMED, DataCategory.UNDELIVERED)));
        assertThat(defaults.categoriesOf(Profession.FACILITY_SYSTEM)).containsExactlyInAnyOrderElementsOf(KINDS);
        assertThat(defaults.categoriesOf(Profession.PARAMEDIC)).isEqualTo(EMERGENCY_MINIMUM);
        assertThat(defaults.categoriesOf(Profession.MEDICAL_CLERK)).containsExactlyInAnyOrder(DEMOGRAPHICS, ADMINISTRATIVE);
        assertThat(defaults.categoriesOf(Profession.PUBLIC_HEALTH_NURSE))
                .isEqualTo(EnumSet.complementOf(EnumSet.of(IMAGING, ADMINISTRATIVE, DataCategory.UNINFORMED,
                        DataCategory.UNDELIVERED)));
        assertThat(defaults.categoriesOf(Profession.CARE_MANAGER))
                .containsExactlyInAnyOrderElementsOf(union(defaults.categoriesOf(Profession.CARE_WORKER), DIAGNOSES));
    }

    @Test
    void administrativeDataIsForFacilitySystemsAndClerksOnlyByDefault() {
        for (Profession profession : Profession.values()) {
            assertThat(defaults.allows(profession, ADMINISTRATIVE)).as("%s", profession)
                    .isEqualTo(profession == Profession.FACILITY_SYSTEM || profession == Profession.MEDICAL_CLERK);
        }
    }

    @Test
    void aMissingProfessionSeesNothing() {
        assertThat(defaults.categoriesOf(null)).isEmpty();
        assertThat(new ProfessionMatrix(Map.of()).allows(Profession.DOCTOR, DEMOGRAPHICS)).isFalse();
    }

    @Test
    void withReplacesOneProfessionAndLeavesTheOriginalAlone() {
        ProfessionMatrix changed = defaults.with(Profession.CARE_WORKER, Set.of(DEMOGRAPHICS));

        assertThat(changed.categoriesOf(Profession.CARE_WORKER)).containsExactly(DEMOGRAPHICS);
        assertThat(changed.categoriesOf(Profession.DOCTOR)).isEqualTo(defaults.categoriesOf(Profession.DOCTOR));
        assertThat(defaults.allows(Profession.CARE_WORKER, MEDICATIONS)).isTrue();
    }

    @Test
    void parsesAllNoneListsAndTheEmergencyMinimumOverTheDefaults() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("CARE_WORKER", "ALL");
        properties.put("MEDICAL_CLERK", "NONE");
        properties.put("PHARMACIST", " MEDICATIONS , allergies ");
        properties.put("care-manager", "emergency-minimum,CARE_RECORDS");

        ProfessionMatrix parsed = ProfessionMatrix.parse(properties);

        assertThat(parsed.categoriesOf(Profession.CARE_WORKER)).containsExactlyInAnyOrderElementsOf(KINDS);
        assertThat(parsed.categoriesOf(Profession.MEDICAL_CLERK)).isEmpty();
        assertThat(parsed.categoriesOf(Profession.PHARMACIST)).containsExactlyInAnyOrder(MEDICATIONS, ALLERGIES);
        assertThat(parsed.categoriesOf(Profession.CARE_MANAGER))
                .containsExactlyInAnyOrderElementsOf(union(EMERGENCY_MINIMUM, CARE_RECORDS));
        assertThat(parsed.categoriesOf(Profession.DOCTOR)).isEqualTo(defaults.categoriesOf(Profession.DOCTOR));
    }

    @Test
    void parsingNothingGivesTheDefaults() {
        assertThat(ProfessionMatrix.parse(Map.of())).isEqualTo(defaults);
    }

    @Test
    void rejectsAnUnknownProfessionNamingTheKey() {
        assertThatIllegalArgumentException().isThrownBy(() -> ProfessionMatrix.parse(Map.of("DOCTER", "ALL")))
                .withMessageContaining("unknown profession 'DOCTER'").withMessageContaining("DOCTOR");
    }

    @Test
    void rejectsAnUnknownCategoryNamingKeyAndValue() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ProfessionMatrix.parse(Map.of("CARE_WORKER", "DEMOGRAPHICS,LABS")))
                .withMessageContaining("CARE_WORKER='DEMOGRAPHICS,LABS'")
                .withMessageContaining("unknown data category 'LABS'")
                .withMessageContaining("LAB_RESULTS");
    }

    @Test
    void rejectsAnEmptyValue() {
        assertThatIllegalArgumentException().isThrownBy(() -> ProfessionMatrix.parse(Map.of("NURSE", " ")))
                .withMessageContaining("NURSE has no value").withMessageContaining("NONE");
    }

    @Test
    void rejectsANullValue() {
        Map<String, String> properties = new HashMap<>();
        properties.put("NURSE", null);

        assertThatIllegalArgumentException().isThrownBy(() -> ProfessionMatrix.parse(properties))
                .withMessageContaining("NURSE has no value");
    }

    @Test
    void rejectsAnEmptyEntryInAList() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ProfessionMatrix.parse(Map.of("MIDWIFE", "DEMOGRAPHICS,,VITALS")))
                .withMessageContaining("MIDWIFE='DEMOGRAPHICS,,VITALS' has an empty entry");
    }

    @Test
    void rejectsNoneMixedWithCategories() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ProfessionMatrix.parse(Map.of("MIDWIFE", "NONE,VITALS")))
                .withMessageContaining("unknown data category 'NONE'");
    }

    @Test
    void rejectsAProfessionConfiguredTwice() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("DOCTOR", "ALL");
        properties.put("doctor", "NONE");

        assertThatIllegalArgumentException().isThrownBy(() -> ProfessionMatrix.parse(properties))
                .withMessageContaining("DOCTOR is configured twice (key 'doctor')");
    }

    private static Set<DataCategory> union(Set<DataCategory> set, DataCategory... more) {
        Set<DataCategory> union = EnumSet.noneOf(DataCategory.class);
        union.addAll(set);
        union.addAll(Set.of(more));
        return union;
    }
}
