package org.musubi.box;

import static org.assertj.core.api.Assertions.assertThat;
import static org.musubi.box.BoxTestFiles.close;
import static org.musubi.box.BoxTestFiles.reader;
import static org.musubi.box.BoxTestFiles.upload;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.musubi.audit.AuditAction;
import org.musubi.audit.Purpose;
import org.musubi.blob.BlobStore;
import org.musubi.consent.Consent;
import org.musubi.consent.ConsentScope;
import org.musubi.identity.IdentityStore;
import org.musubi.record.Outline;
import org.musubi.record.PatientRef;
import org.musubi.record.ReadRecords;
import org.musubi.record.Reader;
import org.musubi.record.read.PersonRecord;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.DisclosuresMade;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A Box file about a patient never becomes a way to read the patient: only a facility with standing (a card-made
 * link) names the patient; each recipient is decided by the access policy when the file is sent and again at each
 * download (a block or a withdrawn consent after sending stops it); a recipient without a link gets the file, never
 * the record; the file becomes a document of the record only when the sender asks. Every send and download is one
 * audit row naming the patient.
 */
@MusubiIntegrationTest
class BoxPatientIT extends NetworkFixtures {

    @Autowired
    SendFiles sendFiles;
    @Autowired
    DownloadFile downloadFile;
    @Autowired
    SweepExpiredFiles sweepExpiredFiles;
    @Autowired
    IdentityStore identities;
    @Autowired
    ReadRecords reads;
    @Autowired
    BlobStore blobs;
    @Autowired
    TransactionTemplate transactions;

    record Patient(long person, String regionalId) {
    }

    @Test
    void aRecipientWithoutALinkGetsTheFileNeverTheRecordAndEachDownloadIsDecidedAgain() throws IOException {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        Facility hospital = accounts.newHospital();
        User doctor = accounts.memberOf(clinic, Profession.DOCTOR);
        User nurse = accounts.memberOf(hospital, Profession.NURSE);
        Patient patient = patientAt(clinic);
        byte[] bytes = "退院前カンファレンス資料（試験）".getBytes(StandardCharsets.UTF_8);

        long before = audit.max();
        Box.Sent sent = sendFiles.send(reader(doctor), List.of(new Box.Upload("資料.pdf", "application/pdf",
                        new ByteArrayInputStream(bytes))), new Box.Recipients(Set.of(nurse.id()), null, null), null,
                new Box.About(patient.person(), false));
        assertThat(sent.faults()).isEmpty();
        BoxFile file = sent.files().getFirst();
        assertThat(file.personId()).isEqualTo(patient.person());
        assertThat(file.recordDocument()).as("not attached unless asked").isNull();
        assertThat(audit.forPatient(before, patient.regionalId())).singleElement().asString().startsWith("CREATE PERMIT");
        assertThat(audit.rowsSince(before)).hasSize(1);

        long downloads = audit.max();
        try (InputStream in = downloadFile.download(reader(nurse), file.id()).orElseThrow().content()) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        assertThat(audit.rowsSince(downloads)).singleElement().satisfies(r -> {
            assertThat(r.patientId()).isEqualTo(patient.regionalId());
            assertThat(r.reason()).isEqualTo("policy.permit.sentFile");
        });
        assertThat(reads.readPerson(reader(nurse), PatientRef.person(patient.person()),
                AuditAction.READ, "Patient", r -> r.outline())
                .permitted()).as("the file is no way into the record").isFalse();

        consents.block(patient.person(), hospital.id(), accounts.networkAdmin().id());
        long blocked = audit.max();
        assertThat(downloadFile.download(reader(nurse), file.id())).as("blocked after sending").isEmpty();
        assertThat(audit.rowsSince(blocked)).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo("DENY");
            assertThat(r.reason()).isEqualTo("policy.deny.facilityBlocked");
        });
        consents.unblock(patient.person(), hospital.id());
        assertThat(downloadFile.download(reader(nurse), file.id())).hasValueSatisfying(d -> close(d.content()));

        for (Consent consent : consents.of(patient.person())) {
            consents.withdraw(consent.id(), accounts.networkAdmin().id());
        }
        assertThat(downloadFile.download(reader(nurse), file.id())).as("consent withdrawn after sending").isEmpty();
        assertThat(downloadFile.download(reader(doctor), file.id())).as("the sender, on its own link, still has it")
                .hasValueSatisfying(d -> close(d.content()));
    }

    @Test
    void onlyAFacilityWithStandingNamesThePatientAndEveryNamedRecipientMustBePermitted() {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        Facility hospital = accounts.newHospital();
        Facility other = accounts.newHospital();
        User doctor = accounts.memberOf(clinic, Profession.DOCTOR);
        User nurse = accounts.memberOf(hospital, Profession.NURSE);
        User outsider = accounts.memberOf(other, Profession.DOCTOR);
        Patient patient = patientAt(clinic);
        consents.block(patient.person(), hospital.id(), accounts.networkAdmin().id());

        long before = audit.max();
        assertThat(sendFiles.send(reader(doctor), List.of(upload("x")), new Box.Recipients(Set.of(nurse.id()), null, null),
                null, new Box.About(patient.person(), false)).faults()).containsExactly("box.fault.recipientNotPermitted");
        assertThat(sendFiles.send(reader(outsider), List.of(upload("y")), new Box.Recipients(Set.of(doctor.id()), null, null),
                null, new Box.About(patient.person(), false)).faults())
                .as("no link of its own: naming the patient is refused").containsExactly("box.fault.patient");
        assertThat(audit.forPatient(before, patient.regionalId())).hasSize(2).allMatch(r -> r.startsWith("CREATE DENY"));
        assertThat(jdbc.sql("SELECT count(*) FROM box_file WHERE person_id = ?").param(patient.person())
                .query(Integer.class).single()).as("nothing kept").isZero();

        Box.Sent toMembers = sendFiles.send(reader(doctor), List.of(upload("z")), new Box.Recipients(Set.of(),
                hospital.id(), Set.of()), null, new Box.About(patient.person(), false));
        assertThat(toMembers.faults()).as("a blocked facility's members").containsExactly("box.fault.recipientNotPermitted");
    }

    @Test
    void theSenderMayAttachTheFileToTheRecordAndTheRecordsCopyOutlivesTheBoxFile() throws IOException {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        Facility hospital = accounts.newHospital();
        User doctor = accounts.memberOf(clinic, Profession.DOCTOR);
        User nurse = accounts.memberOf(hospital, Profession.NURSE);
        Patient patient = patientAt(clinic);
        byte[] bytes = ("診療情報（添付試験）" + System.nanoTime()).getBytes(StandardCharsets.UTF_8);

        BoxFile file = sendFiles.send(reader(doctor), List.of(new Box.Upload("経過.pdf", "application/pdf",
                        new ByteArrayInputStream(bytes))), new Box.Recipients(Set.of(nurse.id()), null, null), "経過です",
                new Box.About(patient.person(), true)).files().getFirst();
        assertThat(file.recordDocument()).isNotNull();
        List<Outline> outline = reads.readPerson(reader(doctor), PatientRef.person(patient.person()),
                AuditAction.READ, "Patient", PersonRecord::outline).value();
        assertThat(outline).extracting(Outline::type).contains("DocumentReference", "Binary");
        assertThat(outline).filteredOn(o -> o.id().equals(file.recordDocument())).singleElement()
                .matches(o -> o.sourceFacilityId() == clinic.id());
        String sha = file.sha256();
        assertThat(blobs.open(sha)).as("the record's copy is content-addressed").isPresent();

        jdbc.sql("UPDATE box_file SET expires_at = now() - interval '1 minute' WHERE id = ?").param(file.id()).update();
        sweepExpiredFiles.sweep();
        assertThat(downloadFile.download(reader(nurse), file.id())).isEmpty();
        try (InputStream in = blobs.open(sha).orElseThrow()) {
            assertThat(in.readAllBytes()).as("the record's Binary keeps its bytes").isEqualTo(bytes);
        }
    }

    /**
     * Sending a file about a patient discloses it to its recipients (issue 68): exactly one disclosure per file, until
     * the file expires, written in the sending transaction — a send rolled back leaves neither the file nor its
     * disclosure; a file about nobody discloses nothing.
     */
    @Test
    void aFileAboutAPatientIsDisclosedOnceInTheSendingTransaction() {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        User doctor = accounts.memberOf(clinic, Profession.DOCTOR);
        User nurse = accounts.memberOf(accounts.newHospital(), Profession.NURSE);
        Patient patient = patientAt(clinic);
        Box.Recipients toNurse = new Box.Recipients(Set.of(nurse.id()), null, null);

        BoxFile undone = DisclosuresMade.rolledBack(transactions, () -> sendFiles.send(reader(doctor),
                List.of(upload("undone")), toNurse, null, new Box.About(patient.person(), false)).files().getFirst());
        BoxFile file = sendFiles.send(reader(doctor), List.of(upload("sent")), toNurse, null,
                new Box.About(patient.person(), false)).files().getFirst();
        BoxFile nobodys = sendFiles.send(reader(doctor), List.of(upload("about nobody")), toNurse, null)
                .files().getFirst();

        assertThat(DisclosuresMade.count(jdbc, "box-file:" + file.id())).isEqualTo(1);
        assertThat(jdbc.sql("SELECT until FROM disclosure WHERE source = ?").param("box-file:" + file.id())
                .query(java.sql.Timestamp.class).single().toInstant())
                .isEqualTo(file.expiresAt().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        assertThat(DisclosuresMade.count(jdbc, "box-file:" + nobodys.id())).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM box_file WHERE id = ?").param(undone.id()).query(Long.class)
                .single()).isZero();
        assertThat(DisclosuresMade.count(jdbc, "box-file:" + undone.id())).isZero();
    }

    private Patient patientAt(Facility clinic) {
        IGenericClient api = clients.fhirFor(port, clinic, "system/*.read", "system/*.write");
        String localId = FhirRecords.localId();
        FhirRecords.registerPatient(api, clinic, localId, FhirRecords.uniqueKana());
        long person = clients.personOf(clinic, localId);
        long admin = accounts.networkAdmin().id();
        consents.link(person, clinic.id(), admin);
        consents.grant(person, ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT), admin, clinic.id());
        return new Patient(person, identities.person(person).orElseThrow().person().regionalId());
    }
}
