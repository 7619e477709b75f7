package org.musubi.research;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.time.LocalDate;
import java.util.List;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.musubi.registry.Facility;
import org.musubi.testing.AuditRows;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A cohort count follows the record as a facility writes it through the FHIR API (the write door
 * {@code record.WriteRecords}): a Condition created is counted under its code's prefixes, a changed code moves the
 * person from one code group to the other, a changed onset moves it out of a period, a deletion leaves it out; after
 * each step the narrow table {@code research_code} (V81) holds exactly {@code research_codes(content)} of the stored
 * row, and each write left one audit row.
 */
@MusubiIntegrationTest
class CohortFollowsWritesIT extends NetworkFixtures {

    @Autowired
    CohortCounter counter;

    @Test
    void aConditionWrittenChangedAndDeletedIsCountedAtEachStepAsItThenIs() {
        Facility hospital = accounts.newHospital();
        IGenericClient fhir = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        String localId = FhirRecords.localId();
        FhirRecords.registerPatient(fhir, hospital, localId, FhirRecords.uniqueKana());
        long person = clients.personOf(hospital, localId);
        LocalDate today = LocalDate.now(ResearchDesk.ZONE);
        jdbc.sql("UPDATE person SET birth_date = ? WHERE id = ?").params(today.minusYears(50), person).update();
        long before = audit.max();

        Condition condition = new Condition();
        condition.getCode().addCoding().setSystem("http://hl7.org/fhir/sid/icd-10").setCode("E11.9");
        condition.setSubject(new Reference("Patient?identifier=" + FhirRecords.patientSystem(hospital) + "|" + localId));
        condition.setOnset(new DateTimeType(today.minusDays(30) + "T12:00:00+09:00"));
        String id = FhirRecords.create(fhir, condition);
        assertThat(members("icd:E11", null, today)).as("created").contains(person);
        assertThat(members("icd:E1", today.minusYears(1), today)).as("a shorter prefix, in the period").contains(person);
        assertThat(members("icd:I10", null, today)).doesNotContain(person);
        assertThat(codes(id)).containsExactlyInAnyOrder("icd:E", "icd:E1", "icd:E11", "icd:E119").isEqualTo(extracted(id));

        Condition recoded = fhir.read().resource(Condition.class).withId(id).execute();
        recoded.getCode().getCodingFirstRep().setCode("I10");
        fhir.update().resource(recoded).execute();
        assertThat(members("icd:E11", null, today)).as("the code changed").doesNotContain(person);
        assertThat(members("icd:I10", today.minusYears(1), today)).contains(person);
        assertThat(codes(id)).containsExactlyInAnyOrder("icd:I", "icd:I1", "icd:I10").isEqualTo(extracted(id));

        Condition redated = fhir.read().resource(Condition.class).withId(id).execute();
        redated.setOnset(new DateTimeType(today.minusYears(3) + "T12:00:00+09:00"));
        fhir.update().resource(redated).execute();
        assertThat(members("icd:I10", today.minusYears(2), today)).as("the onset moved out of the period")
                .doesNotContain(person);
        assertThat(members("icd:I10", null, today)).contains(person);

        fhir.delete().resourceById("Condition", id).execute();
        assertThat(members("icd:I10", null, today)).as("deleted").doesNotContain(person);
        assertThat(codes(id)).isEmpty();

        assertThat(audit.naming(before, id)).extracting(r -> r.action() + " " + r.outcome())
                .containsExactly("CREATE PERMIT", "READ PERMIT", "UPDATE PERMIT", "READ PERMIT", "UPDATE PERMIT",
                        "DELETE PERMIT");
        assertThat(audit.naming(before, id)).extracting(AuditRows.Row::resourceType).containsOnly("Condition");
    }

    /** The persons a count over {@code prefix} (and the period, when {@code from} is given) counts, at any age. */
    private List<Long> members(String prefix, LocalDate from, LocalDate today) {
        return counter.members(new CountQuery(List.of(List.of(prefix)), 0, 200, today, List.of(), List.of(), from,
                from == null ? null : today));
    }

    private List<String> codes(String id) {
        return jdbc.sql("SELECT code_prefix FROM research_code WHERE resource_id = ? ORDER BY code_prefix").param(id)
                .query(String.class).list();
    }

    /** What V77's function extracts from the stored row: what the table must hold. */
    private List<String> extracted(String id) {
        return jdbc.sql("SELECT c FROM resource r CROSS JOIN LATERAL unnest(research_codes(r.content)) AS u(c)"
                + " WHERE r.id = ? AND NOT r.deleted ORDER BY c").param(id).query(String.class).list();
    }
}
