package org.musubi.ingest.jahis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.musubi.ingest.jahis.JahisFiles.read;
import static org.musubi.ingest.jahis.JahisFiles.resources;
import static org.musubi.ingest.jahis.JahisFiles.stored;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.junit.jupiter.api.Test;
import org.musubi.ingest.adapter.ParseResult;

/**
 * The parties of one notebook's blocks are made once each (by what each is made of): the same pharmacy in
 * two blocks is one resource, and a pharmacy or pharmacist that differs in any field is another.
 */
class PartiesTest {

    private static List<String> block(String date, String pharmacy, String pharmacist, String doctor) {
        List<String> block = new ArrayList<>(Notebooks.amlodipineBlock());
        block.set(0, "5," + date + ",1");
        block.set(1, pharmacy);
        block.set(2, pharmacist);
        block.set(4, doctor);
        return block;
    }

    @Test
    void blocksNamingTheSamePartyShareItAndAnyDifferentFieldMakesAnother() {
        String pharmacy = "11,みなと薬局,13,4,1234567,105-0001,東京都港区虎ノ門1-1-1,03-0000-0000,1";
        String pharmacist = "15,薬剤師 一郎,03-0000-0000,1";
        List<ParseResult> results = read("x.txt", Notebooks.notebook(
                block("20260101", pharmacy, pharmacist, "55,内科 太郎,内科,1"),
                block("20260102", pharmacy, pharmacist, "55,内科 太郎,循環器内科,1"),
                block("20260103", pharmacy.replace("03-0000-0000", "03-1111-1111"), "15,薬剤師 一郎,03-2222-2222,1",
                        "55,内科 次郎,内科,1")));

        List<MedicationDispense> dispenses = resources(results, MedicationDispense.class).stream()
                .filter(d -> d.getMedicationCodeableConcept().getText() == null
                        || !d.getMedicationCodeableConcept().getText().contains("カロナール")).toList();
        assertThat(dispenses).hasSize(3);
        List<String> pharmacies = dispenses.stream().map(d -> d.getPerformer().get(0).getActor().getReference()).toList();
        List<String> pharmacists = dispenses.stream().map(d -> d.getPerformer().get(1).getActor().getReference()).toList();
        List<String> doctors = dispenses.stream()
                .map(d -> ((PractitionerRole) d.getContained().getFirst()).getPractitioner().getReference()).toList();
        assertThat(pharmacies.get(1)).isEqualTo(pharmacies.get(0));
        assertThat(pharmacies.get(2)).as("another phone number").isNotEqualTo(pharmacies.get(0));
        assertThat(pharmacists.get(2)).as("another contact").isNotEqualTo(pharmacists.get(0));
        assertThat(doctors.get(1)).as("the department is the role's, not the doctor's").isEqualTo(doctors.get(0));
        assertThat(doctors.get(2)).isNotEqualTo(doctors.get(0));
        assertThat(stored(results, dispenses.get(2).getPerformer().get(0).getActor(), Organization.class).getTelecomFirstRep()
                .getValue()).isEqualTo("03-1111-1111");
        assertThat(stored(results, dispenses.get(2).getPerformer().get(1).getActor(), Practitioner.class).getTelecomFirstRep()
                .getValue()).isEqualTo("03-2222-2222");
        assertThat(((PractitionerRole) dispenses.get(1).getContained().getFirst()).getSpecialtyFirstRep().getText())
                .isEqualTo("循環器内科");
    }
}
