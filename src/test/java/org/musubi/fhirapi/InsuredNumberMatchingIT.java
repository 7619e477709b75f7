package org.musubi.fhirapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.musubi.identity.IdentityStore;
import org.musubi.registry.Facility;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The insured-person number in 名寄せ through the FHIR API (issue 46): facilities register their patients with
 * JP-CLINS's {@code JP_Insurance_memberID} identifier ({@code 保険者番号:記号:番号:枝番}). Two facilities' patients with
 * the same number — typed differently — are one person even when names, birth date and sex alone would only be sent to
 * an operator; a family member on the same card (another 枝番) is never linked, however alike; the Patient is stored
 * as sent (a JP-CLINS Patient carries its number) and its sender reads it back, while 名寄せ keeps the number only
 * hashed (no other facility is answered with it: AttackMatrixIT).
 */
@MusubiIntegrationTest
class InsuredNumberMatchingIT extends NetworkFixtures {

    static final String INSURED = "http://jpfhir.jp/fhir/clins/Idsystem/JP_Insurance_memberID";

    @Autowired
    IdentityStore identities;

    @Test
    void twoFacilitiesPatientsWithTheSameNumberAreOnePersonAndAFamilyMemberOnTheCardIsNot() {
        Facility hospital = accounts.newHospital();
        Facility clinic = accounts.newHospital();
        Facility third = accounts.newHospital();
        IGenericClient a = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        IGenericClient b = clients.fhirFor(port, clinic, "system/*.read", "system/*.write");
        IGenericClient c = clients.fhirFor(port, third, "system/*.read", "system/*.write");
        String number = String.valueOf(1_000_000 + ThreadLocalRandom.current().nextInt(9_000_000));
        String symbol = "試" + number.substring(0, 3);

        Patient atHospital = withContact(FhirRecords.withKanjiName(
                FhirRecords.newPatient(hospital, FhirRecords.localId(), "ホケン"), "保険", "花子"));
        String hospitalLocal = localId(atHospital);
        atHospital.addIdentifier().setSystem(INSURED).setValue("06139999:" + symbol + ":" + number + ":01");
        String hospitalPatient = a.create().resource(atHospital).execute().getId().getIdPart();

        Patient namesOnly = asPatientOf(clinic, atHospital); // names, birth date and sex: an operator would decide
        namesOnly.addIdentifier().setSystem(INSURED).setValue("０６１３９９９９：" + symbol + "：" + fullWidth(number) + "：1");
        b.create().resource(namesOnly).execute();

        Patient withoutNumber = asPatientOf(third, atHospital);
        c.create().resource(withoutNumber).execute();

        Patient twin = withContact(asPatientOf(third, atHospital)); // everything alike, another 枝番 on the card
        twin.addIdentifier().setSystem(INSURED).setValue("06139999:" + symbol + ":" + number + ":02");
        c.create().resource(twin).execute();

        Optional<Long> person = personOf(hospital, hospitalLocal);
        assertThat(person).isPresent();
        assertThat(personOf(clinic, localId(namesOnly))).as("the same number links what names alone would not")
                .isEqualTo(person);
        assertThat(personOf(third, localId(withoutNumber))).as("without the number: an operator decides")
                .isNotEqualTo(person);
        assertThat(personOf(third, localId(twin))).as("another 枝番: a family member, never linked").isNotEqualTo(person);
        long twinSource = identities.sourcePatient(third.id(), localId(twin)).orElseThrow().id();
        assertThat(jdbc.sql("SELECT array_to_string(reasons, ',') FROM match_review WHERE source_patient_id = ?")
                .param(twinSource).query(String.class).list()).as("queued with the family-member reason")
                .anyMatch(reasons -> reasons.contains("INSURED_FAMILY_MEMBER"));

        Patient readBack = a.read().resource(Patient.class).withId(hospitalPatient).execute();
        assertThat(readBack.getIdentifier()).filteredOn(i -> INSURED.equals(i.getSystem())).as("the sender reads it back")
                .extracting(Identifier::getValue).containsExactly("06139999:" + symbol + ":" + number + ":01");
        long hospitalSource = identities.sourcePatient(hospital.id(), hospitalLocal).orElseThrow().id();
        String full = "06139999:" + symbol + ":" + number + ":01";
        assertThat(patientKeyOf(FhirRecords.create(a, diagnosisOf(full)))).as("JP-CLINS names the patient by the number")
                .isEqualTo(hospitalSource);
        assertThat(patientKeyOf(FhirRecords.create(b, diagnosisOf(full)))).as("the clinic's own patient with that number")
                .isEqualTo(identities.sourcePatient(clinic.id(), localId(namesOnly)).orElseThrow().id());
        assertThatThrownBy(() -> c.create().resource(diagnosisOf(full)).execute())
                .as("a number none of the writer's patients has (its family member has 02) names no one")
                .isInstanceOf(UnprocessableEntityException.class).hasMessageContaining("Condition.subject");
        assertThat(identities.identifiersOf(java.util.List.of(hospitalSource)).getOrDefault(hospitalSource, java.util.List.of()))
                .as("never a patient ID of the source patient").noneMatch(i -> i.value().contains(number));
        assertThat(jdbc.sql("SELECT count(*) FROM source_patient_insured i JOIN source_patient s ON s.id ="
                        + " i.source_patient_id WHERE s.facility_id IN (?, ?, ?) AND i.member_hash IS NOT NULL")
                .params(hospital.id(), clinic.id(), third.id()).query(Long.class).single())
                .as("three numbers kept, hashed").isEqualTo(3);
        assertThat(jdbc.sql("SELECT count(*) FROM source_patient_insured WHERE card_hash LIKE ? OR member_hash LIKE ?")
                .params("%" + number + "%", "%" + number + "%").query(Long.class).single()).isZero();
    }

    /** A diagnosis naming its patient only by the insured-person number, as JP-CLINS's examples do. */
    private static Condition diagnosisOf(String insured) {
        Condition condition = new Condition().setSubject(new Reference().setIdentifier(
                new Identifier().setSystem(INSURED).setValue(insured)));
        condition.getCode().setText("高血圧症").addCoding()
                .setSystem("http://jpfhir.jp/fhir/core/mhlw/CodeSystem/ICD10-2013-full").setCode("I10");
        condition.getClinicalStatus().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/condition-clinical")
                .setCode("active");
        return condition;
    }

    private long patientKeyOf(String conditionId) {
        return jdbc.sql("SELECT patient_key FROM resource WHERE type = 'Condition' AND id = ?").param(conditionId)
                .query(Long.class).single();
    }

    private Optional<Long> personOf(Facility facility, String localId) {
        return identities.sourcePatient(facility.id(), localId).flatMap(s -> identities.personOf(s.id()));
    }

    /** The same names, birth date and sex as {@code patient}, as a new patient of {@code facility}. */
    private static Patient asPatientOf(Facility facility, Patient patient) {
        Patient copy = new Patient();
        copy.addIdentifier().setSystem(FhirRecords.patientSystem(facility)).setValue(FhirRecords.localId());
        patient.getName().forEach(n -> copy.addName(n.copy()));
        copy.setGender(patient.getGender()).setBirthDateElement(patient.getBirthDateElement().copy());
        return copy;
    }

    private static Patient withContact(Patient patient) {
        patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue("082-555-0146");
        patient.addAddress().setPostalCode("730-0011").setText("広島県広島市中区基町10番52号");
        return patient;
    }

    private static String localId(Patient patient) {
        return patient.getIdentifier().stream().filter(i -> i.getSystem().startsWith("urn:oid:1.2.392.100495.20.3.51.1"))
                .map(Identifier::getValue).findFirst().orElseThrow();
    }

    private static String fullWidth(String digits) {
        StringBuilder wide = new StringBuilder();
        digits.chars().forEach(ch -> wide.append((char) (ch - '0' + '０')));
        return wide.toString();
    }
}
