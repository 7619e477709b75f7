package org.musubi.record;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.musubi.policy.Disclosure;
import org.musubi.policy.disclosure.Disclose;
import org.musubi.audit.AuditAction;
import org.musubi.audit.Purpose;
import org.musubi.policy.DataCategory;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.AuditRows;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The record's door for a letter's addressee ({@link ReadRecords#readDisclosed}), on a hospital's referral letter (a
 * Composition typed 57133-1) and its Task, stored over the FHIR API: the clinic it is addressed to reads them like a
 * fax, without consent or link, and nothing else of the record even when asked for it; another facility, a blocked
 * clinic and a profession that sees no referrals read nothing; every read leaves one audit row naming the patient.
 */
@MusubiIntegrationTest
class AddressedLettersIT extends NetworkFixtures {

    @Autowired
    ReadRecords records;
    @Autowired
    org.musubi.identity.IdentityStore identities;
    @Autowired
    WriteRecords writes;
    @Autowired
    Disclose disclose;

    private record Letter(long person, long senderPatient, String regionalId, String composition, String task,
                          String lab) {
    }

    @Test
    void theAddresseeReadsTheLetterAndItsTaskBeforeAnyLinkAndNothingElse() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        Letter letter = letter(hospital);
        User doctor = accounts.memberOf(clinic, Profession.DOCTOR);
        long before = audit.max();

        var read = records.readDisclosed(reader(doctor),
                disclosed(letter, clinic), List.of(letter.composition(), letter.lab(), letter.task()), AuditAction.READ, "letter");

        assertThat(read.permitted()).isTrue();
        assertThat(read.value()).extracting(StoredResource::id).containsExactly(letter.composition(), letter.task());
        assertThat(read.value()).allMatch(r -> r.category() == DataCategory.REFERRALS);
        assertThat(audit.forPatient(before, letter.regionalId()))
                .containsExactly("READ PERMIT policy.permit.addressedLetter");
        long ordinary = audit.max();
        var record = records.readPerson(reader(doctor), PatientRef.person(letter.person()),
                AuditAction.READ, "patient", r -> r.outline());
        assertThat(record.permitted()).as("the rest of the record stays closed until a link").isFalse();
        assertThat(audit.forPatient(ordinary, letter.regionalId())).singleElement().asString().startsWith("READ DENY");
    }

    @Test
    void anotherFacilityABlockedClinicOrATherapistReadNothingAndEachRefusalIsAudited() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        Facility pharmacy = accounts.facilityOf(FacilityKind.PHARMACY);
        Letter letter = letter(hospital);
        List<String> ids = List.of(letter.composition(), letter.task());

        long before = audit.max();
        long sent = disclosed(letter, clinic);
        var stranger = records.readDisclosed(reader(accounts.memberOf(pharmacy, Profession.PHARMACIST)), sent, ids,
                AuditAction.READ, "letter");
        var therapist = records.readDisclosed(reader(accounts.memberOf(clinic, Profession.PHYSICAL_THERAPIST)), sent,
                ids, AuditAction.READ, "letter");
        consents.block(letter.person(), clinic.id(), accounts.networkAdmin().id());
        var blocked = records.readDisclosed(reader(accounts.memberOf(clinic, Profession.DOCTOR)), sent, ids,
                AuditAction.READ, "letter");

        assertThat(List.of(stranger, therapist, blocked)).allMatch(r -> !r.permitted() && r.value() == null);
        assertThat(audit.forPatient(before, letter.regionalId())).containsExactly(
                "READ DENY policy.deny.notAddressed", "READ DENY policy.deny.categoryNotAllowedForProfession",
                "READ DENY policy.deny.facilityBlocked");
    }

    @Test
    void aGuessedIdOrADisclosureMadeToAnotherFacilityReadsNothingLikeARefusalWithOneAuditRowEach() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        Facility other = accounts.newHospital();
        Letter letter = letter(hospital);
        List<String> ids = List.of(letter.composition(), letter.task());
        long toOther = disclosed(letter, other);
        Reader doctor = reader(accounts.memberOf(clinic, Profession.DOCTOR));

        long before = audit.max();
        var guessed = records.readDisclosed(doctor, Long.MAX_VALUE, ids, AuditAction.READ, "letter");
        var none = records.readDisclosed(doctor, 0, ids, AuditAction.READ, "letter");
        long between = audit.max();
        var foreign = records.readDisclosed(doctor, toOther, ids, AuditAction.READ, "letter");
        var answered = writes.answerDisclosed(doctor, Long.MAX_VALUE, ids, AuditAction.UPDATE, "letter",
                read -> { throw new AssertionError("a refused answer writes nothing"); });

        assertThat(List.of(guessed, none, foreign)).allMatch(r -> !r.permitted() && r.value() == null);
        assertThat(answered.permitted()).isFalse();
        assertThat(answered.value()).isNull();
        List<AuditRows.Row> rows = audit.rowsSince(before).stream().filter(r -> r.resourceType().equals("letter"))
                .toList();
        assertThat(rows).as("one audit row each").hasSize(4);
        assertThat(List.of(rows.get(0), rows.get(1), rows.get(3))).allSatisfy(row -> {
            assertThat(row.outcome()).isEqualTo("DENY");
            assertThat(row.reason()).isEqualTo("policy.deny.unknownPerson");
            assertThat(row.patientId()).as("an id nobody was given names no person").isNull();
            assertThat(row.resourceIds()).isEmpty();
        });
        assertThat(audit.forPatient(between, letter.regionalId()))
                .as("another facility's disclosure: refused as not addressed to the reader, naming the person")
                .containsExactly("READ DENY policy.deny.notAddressed");
    }

    /** The letter as disclosed to {@code to} (as the letters' exchange discloses one when it is sent). */
    private long disclosed(Letter letter, Facility to) {
        return disclose.disclose("test-letter:" + UUID.randomUUID(),
                Disclosure.letter(letter.person(), letter.senderPatient(), to.id()));
    }

    private static Reader reader(User user) {
        return new Reader(user.id(), user.actingFacilityId().orElse(null), Purpose.TREATMENT);
    }

    /** The hospital's patient, a referral letter about them, the letter's Task and a lab result. */
    private Letter letter(Facility hospital) {
        IGenericClient api = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        String localId = FhirRecords.localId();
        FhirRecords.registerPatient(api, hospital, localId, "ショウカイ");
        Reference subject = new Reference("Patient?identifier=" + FhirRecords.patientSystem(hospital) + "|" + localId);
        Composition composition = new Composition().setStatus(Composition.CompositionStatus.FINAL).setSubject(subject)
                .setDateElement(new DateTimeType("2026-11-20T10:00:00+09:00")).setTitle("診療情報提供書");
        composition.getType().addCoding().setSystem("http://loinc.org").setCode("57133-1");
        composition.addAuthor().setDisplay("結び病院 内科");
        composition.addSection().setTitle("紹介目的").getText().setStatus(org.hl7.fhir.r4.model.Narrative.NarrativeStatus.GENERATED)
                .setDivAsString("<div xmlns=\"http://www.w3.org/1999/xhtml\">精査加療のお願い</div>");
        String compositionId = FhirRecords.create(api, composition);
        // a letter's Task says which letter it carries (as the letters' exchange writes it): a referral, not a care task
        Task task = new Task().setStatus(Task.TaskStatus.REQUESTED).setIntent(Task.TaskIntent.ORDER).setFor(subject)
                .setFocus(new Reference("Composition/" + compositionId));
        task.getCode().addCoding().setSystem("http://loinc.org").setCode("57133-1").setDisplay("診療情報提供書");
        String taskId = FhirRecords.create(api, task);
        String lab = FhirRecords.create(api, FhirRecords.lab(hospital, localId, FhirRecords.HBA1C, "2026-11-19", 6.8));
        long person = clients.personOf(hospital, localId);
        long senderPatient = identities.sourcePatient(hospital.id(), localId).orElseThrow().id();
        return new Letter(person, senderPatient, identities.person(person).orElseThrow().person().regionalId(),
                compositionId, taskId, lab);
    }
}
