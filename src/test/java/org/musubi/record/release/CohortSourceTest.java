package org.musubi.record.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.musubi.policy.DataCategory;
import org.musubi.record.StoredResource;
import org.musubi.record.store.ResourceStore.ReleasedPerson;

/** The Patient a release makes per person, and the references pointed at it (issue 48). */
class CohortSourceTest {

    @Test
    void thePatientHoldsSexBirthDateAndMunicipalityOnly() {
        String json = ReleasedPatient.json("person-7", LocalDate.of(1970, 5, 3), "FEMALE", "広島県広島市中区本町1-1 ハイツ 101");
        assertThat(json).isEqualTo("{\"resourceType\":\"Patient\",\"id\":\"person-7\",\"gender\":\"female\","
                + "\"birthDate\":\"1970-05-03\",\"address\":[{\"state\":\"広島県\",\"city\":\"広島市\"}]}");
    }

    @Test
    void municipalitiesAreCutAsAddressesWriteThem() {
        assertThat(ReleasedPatient.place("広島県安芸郡府中町大通3-1").orElseThrow()).containsExactly("広島県", "安芸郡府中町");
        assertThat(ReleasedPatient.place("広島県呉市中央4丁目").orElseThrow()).containsExactly("広島県", "呉市");
        assertThat(ReleasedPatient.place("東京都 新宿区西新宿2-8-1").orElseThrow()).containsExactly("東京都", "新宿区");
        assertThat(ReleasedPatient.place("千葉県市原市国分寺台中央1").orElseThrow()).containsExactly("千葉県", "市原市");
        assertThat(ReleasedPatient.place("広島県１２３").orElseThrow()).containsExactly("広島県", null);
        assertThat(ReleasedPatient.place("本町1-1")).as("no prefecture: no place").isEmpty();
        assertThat(ReleasedPatient.place(null)).isEmpty();
    }

    @Test
    void everyReferenceToTheFacilitiesPatientsNamesThePersonsPatient() {
        StoredResource condition = new StoredResource(11, "c1", "Condition", 1, 3, DataCategory.DIAGNOSES, Instant.EPOCH,
                false, "{\"resourceType\":\"Condition\",\"id\":\"c1\",\"subject\":{\"reference\":\"Patient/p-a\"},"
                        + "\"asserter\":{\"reference\":\"https://x.example/fhir/Patient/p-b\"},"
                        + "\"recorder\":{\"reference\":\"Patient/p-ab\"},"
                        + "\"evidence\":[{\"detail\":[{\"reference\":\"Patient?identifier=urn:oid:1.2.3|L-9\"},"
                        + "{\"reference\":\"Patient?identifier=urn:oid:1.2.3|L-99\"}]}]}", Set.of());
        ReleasedRecords records = CohortSource.records(new ReleasedPerson(42, LocalDate.of(1960, 1, 1), "MALE", null,
                List.of("p-a", "p-b"), List.of("L-9"), List.of(condition)));
        assertThat(records.personKey()).isEqualTo("person-42");
        assertThat(records.resources().getFirst()).contains("\"id\":\"person-42\"").doesNotContain("address");
        assertThat(records.resources().get(1)).contains("\"Patient/person-42\"", "/fhir/Patient/person-42\"",
                "\"Patient/p-ab\"", "\"Patient?identifier=urn:oid:1.2.3|L-99\"")
                .doesNotContain("|L-9\"", "p-a\"", "p-b\"");
    }
}
