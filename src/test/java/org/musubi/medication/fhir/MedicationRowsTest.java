package org.musubi.medication.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.musubi.medication.Source;
import org.musubi.policy.DataCategory;
import org.musubi.record.StoredResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pharmacy and prescriber of a JAHIS dispensing as the medication list and its checks see them: from
 * the references to stored pharmacies, hospitals and doctors (their display and identifier), and, for
 * dispensings imported before those were stored once, from resources contained in the dispensing.
 */
class MedicationRowsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CODE = "http://jpfhir.jp/fhir/core/IdSystem/insurance-medical-institution-no";

    private static MedicationRows.Row row(String json) {
        StoredResource stored = new StoredResource(1, "d1", "MedicationDispense", 1, 7, DataCategory.MEDICATIONS,
                Instant.now(), false, json);
        JsonNode node = JSON.readTree(json);
        List<MedicationRows.Row> rows = MedicationRows.of(List.of(stored), List.of(node), Map.of(),
                java.time.LocalDate.of(2026, 1, 20));
        assertThat(rows).hasSize(1);
        return rows.getFirst();
    }

    private static final String DRUG = """
            "whenHandedOver":"2026-01-10","daysSupply":{"value":28},
            "medicationCodeableConcept":{"coding":[{"system":"urn:oid:1.2.392.100495.20.2.74","code":"2171022F1020"}],
             "text":"アムロジピン錠5mg"}""";

    @Test
    void readsPharmacyAndPrescriberFromTheReferencesToStoredParties() {
        MedicationRows.Row row = row("""
                {"resourceType":"MedicationDispense",
                 "extension":[{"url":"urn:musubi:fhir:prescriber","valueReference":{"reference":"#prescriber"}}],
                 "contained":[{"resourceType":"PractitionerRole","id":"prescriber",
                   "practitioner":{"reference":"Practitioner/00000000-0000-8000-8000-000000000001","display":"内科 太郎"},
                   "organization":{"reference":"Organization/00000000-0000-8000-8000-000000000002",
                     "identifier":{"system":"%1$s","value":"1311234567"},"display":"みなと病院"}}],
                 "performer":[{"actor":{"reference":"Organization/00000000-0000-8000-8000-000000000003",
                     "identifier":{"system":"%1$s","value":"1341234567"},"display":"みなと薬局"}},
                   {"actor":{"reference":"Practitioner/00000000-0000-8000-8000-000000000004","display":"薬剤師 一郎"}}],
                 %2$s}""".formatted(CODE, DRUG));

        assertThat(row.entry().pharmacy()).isEqualTo(new Source("1341234567", "みなと薬局", null));
        assertThat(row.entry().prescriber()).isEqualTo(new Source("1311234567", "みなと病院", "内科 太郎"));
        assertThat(row.days()).isEqualTo(28);
    }

    @Test
    void readsTheSameFromADispensingImportedWithItsPartiesContained() {
        MedicationRows.Row row = row("""
                {"resourceType":"MedicationDispense",
                 "extension":[{"url":"urn:musubi:fhir:prescriber","valueReference":{"reference":"#prescriber"}}],
                 "contained":[
                   {"resourceType":"Organization","id":"pharmacy","identifier":[{"system":"%1$s","value":"1341234567"}],
                    "name":"みなと薬局"},
                   {"resourceType":"Practitioner","id":"pharmacist","name":[{"text":"薬剤師 一郎"}]},
                   {"resourceType":"Organization","id":"institution","identifier":[{"system":"%1$s","value":"1311234567"}],
                    "name":"みなと病院"},
                   {"resourceType":"Practitioner","id":"doctor","name":[{"text":"内科 太郎"}]},
                   {"resourceType":"PractitionerRole","id":"prescriber","practitioner":{"reference":"#doctor"},
                    "organization":{"reference":"#institution"}}],
                 "performer":[{"actor":{"reference":"#pharmacy"}},{"actor":{"reference":"#pharmacist"}}],
                 %2$s}""".formatted(CODE, DRUG));

        assertThat(row.entry().pharmacy()).isEqualTo(new Source("1341234567", "みなと薬局", null));
        assertThat(row.entry().prescriber()).isEqualTo(new Source("1311234567", "みなと病院", "内科 太郎"));
    }

    @Test
    void aDispensingWithADoctorButNoHospitalNamesTheDoctorOnly() {
        MedicationRows.Row row = row("""
                {"resourceType":"MedicationDispense",
                 "extension":[{"url":"urn:musubi:fhir:prescriber","valueReference":{"reference":"#prescriber"}}],
                 "contained":[{"resourceType":"PractitionerRole","id":"prescriber",
                   "practitioner":{"reference":"Practitioner/00000000-0000-8000-8000-000000000001","display":"内科 太郎"}}],
                 %s}""".formatted(DRUG));

        assertThat(row.entry().prescriber()).isEqualTo(new Source(null, null, "内科 太郎"));
    }
}
