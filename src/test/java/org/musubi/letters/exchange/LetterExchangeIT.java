package org.musubi.letters.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.musubi.audit.Purpose;
import org.musubi.blob.BlobStore;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.LinkMethod;
import org.musubi.identity.link.LinkSourcePatient;
import org.musubi.identity.link.UnlinkSourcePatient;
import org.musubi.letters.Attachment;
import org.musubi.letters.Content;
import org.musubi.letters.LetterKind;
import org.musubi.letters.exchange.jdbc.LetterTable;
import org.musubi.letters.render.LetterRendering;
import org.musubi.record.PatientRef;
import org.musubi.record.Reader;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.signature.SignatureStatus;
import org.musubi.signature.Signatures;
import org.musubi.testing.DisclosuresMade;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The letters exchange end to end on the real store, policy and audit: a clinic with standing sends a signed referral
 * with a picked lab and an uploaded file; the hospital's nurse finds it in the inbox, opens it before any link
 * (signatures valid, marked received), accepts it, and answers with a reply once the patient is linked there, which
 * completes the letter; the clinic's inbox names the patient in the kana the network registered, not the hospital's
 * spelling the reply carries. A third facility and a guessed id get the same empty answer, each audited once.
 */
@MusubiIntegrationTest
class LetterExchangeIT extends NetworkFixtures {

    static final String INSURANCE = "06139999:あいう:187:05";

    @Autowired
    ComposeLetter composeLetter;
    @Autowired
    SendLetter sendLetter;
    @Autowired
    ListLetters listLetters;
    @Autowired
    OpenLetter openLetter;
    @Autowired
    AnswerLetter answerLetter;
    @Autowired
    IdentityStore identities;
    @Autowired
    LinkSourcePatient link;
    @Autowired
    LetterTable table;
    @Autowired
    LetterFiles files;
    @Autowired
    Sending sending;
    @Autowired
    org.musubi.record.ReadRecords reads;
    @Autowired
    org.musubi.record.WriteRecords writes;
    @Autowired
    org.musubi.phr.Residents residents;
    @Autowired
    UnlinkSourcePatient unlink;
    @Autowired
    Signatures signatures;
    @Autowired
    LetterRendering rendering;
    @Autowired
    BlobStore blobs;
    @Autowired
    LetterParties parties;
    @Autowired
    LetterResources resources;
    @Autowired
    TransactionTemplate transactions;

    record Patient(long person, String regionalId, String localId, String lab) {
    }

    @Test
    void aReferralTravelsFromTheClinicToTheHospitalAndBackAsAReply() {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        Facility hospital = accounts.newHospital();
        Facility pharmacy = accounts.facilityOf(FacilityKind.PHARMACY);
        Patient patient = patientAt(clinic);
        User doctor = accounts.memberOf(clinic, Profession.DOCTOR);
        User nurse = accounts.memberOf(hospital, Profession.NURSE);

        var prefill = composeLetter.compose(reader(doctor), patient.person(), LetterKind.REFERRAL, null).orElseThrow();
        assertThat(prefill.picks()).extracting(LetterExchange.Pick::reference).contains("Observation/" + patient.lab());
        Attachment upload = composeLetter.upload(reader(doctor), "紹介元の心電図", "application/pdf",
                new ByteArrayInputStream("%PDF-1.4 synthetic".getBytes(StandardCharsets.US_ASCII)));
        Content content = new Content("精査加療のお願い", prefill.content().diagnoses(), "2週間前から胸痛", null, null,
                prefill.content().allergies(), null, prefill.content().results(), "経過観察中", prefill.content().medicines(),
                null, null, List.of(new Attachment("HbA1c", "application/fhir+json", 1, "0".repeat(64),
                        new Attachment.Stored("Observation/" + patient.lab())), upload));
        LetterRequest request = new LetterRequest(LetterKind.REFERRAL, hospital.id(), "循環器内科", "結 一郎", content,
                INSURANCE, null, null);

        long before = audit.max();
        var sent = sendLetter.send(reader(doctor), patient.person(), request, null);
        assertThat(sent).isInstanceOf(LetterExchange.Sent.Done.class);
        LetterRow row = ((LetterExchange.Sent.Done) sent).letter();
        assertThat(row.status()).isEqualTo(LetterStatus.REQUESTED);
        assertThat(audit.forPatient(before, patient.regionalId())).singleElement().asString().startsWith("CREATE PERMIT");

        assertThat(listLetters.counts(reader(nurse)).unread()).isEqualTo(1);
        var inbox = listLetters.inbox(reader(nurse), Set.of(), 0);
        assertThat(inbox.rows()).extracting(LetterRow::id).containsExactly(row.id());
        assertThat(listLetters.inbox(reader(accounts.memberOf(pharmacy, Profession.PHARMACIST)), Set.of(), 0).rows())
                .isEmpty();

        long opened = audit.max();
        var letter = openLetter.open(reader(nurse), row.id()).orElseThrow();
        assertThat(letter.addressed()).isTrue();
        assertThat(letter.letter().content().purpose()).isEqualTo("精査加療のお願い");
        assertThat(letter.pdfSignature().status()).isEqualTo(SignatureStatus.VALID);
        assertThat(letter.bundleSignature().status()).isEqualTo(SignatureStatus.VALID);
        assertThat(letter.row().status()).isEqualTo(LetterStatus.RECEIVED);
        assertThat(letter.attachments()).hasSize(2);
        assertThat(openLetter.attachment(reader(nurse), row.id(), 1).orElseThrow().content())
                .isEqualTo("%PDF-1.4 synthetic".getBytes(StandardCharsets.US_ASCII));
        assertThat(openLetter.pdf(reader(nurse), row.id()).orElseThrow()).startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));
        assertThat(audit.forPatient(opened, patient.regionalId())).hasSize(3)
                .allMatch(r -> r.startsWith("READ PERMIT policy.permit.addressedLetter"));

        long stranger = audit.max();
        assertThat(openLetter.open(reader(accounts.memberOf(pharmacy, Profession.PHARMACIST)), row.id())).isEmpty();
        assertThat(answerLetter.accept(reader(accounts.memberOf(pharmacy, Profession.PHARMACIST)), row.id())).isEmpty();
        assertThat(openLetter.open(reader(nurse), UUID.randomUUID())).isEmpty();
        assertThat(audit.forPatient(stranger, patient.regionalId())).containsExactly(
                "READ DENY policy.deny.notAddressed", "UPDATE DENY policy.deny.notAddressed");

        assertThat(answerLetter.accept(reader(nurse), row.id()).orElseThrow().status()).isEqualTo(LetterStatus.ACCEPTED);

        User hospitalDoctor = accounts.memberOf(hospital, Profession.DOCTOR);
        LetterRequest reply = new LetterRequest(LetterKind.REPLY, clinic.id(), null, null, new Content(null, List.of(),
                null, null, null, List.of(), "心エコーで異常なし", List.of(), "外来で経過観察します", List.of(), null, null,
                List.of()), null, row.id(), null);
        assertThat(sendLetter.send(reader(hospitalDoctor), patient.person(), reply, null))
                .as("no reply before the patient is the hospital's own").isNotInstanceOf(LetterExchange.Sent.Done.class);
        linkAt(hospital, patient);
        var answered = sendLetter.send(reader(hospitalDoctor), patient.person(), reply, null);
        assertThat(answered).isInstanceOf(LetterExchange.Sent.Done.class);
        LetterRow original = listLetters.outbox(reader(doctor), Set.of(), 0).rows().stream()
                .filter(r -> r.id().equals(row.id())).findFirst().orElseThrow();
        assertThat(original.status()).isEqualTo(LetterStatus.COMPLETED);
        assertThat(original.replyId()).isEqualTo(((LetterExchange.Sent.Done) answered).letter().id());
        var replyOpened = openLetter.open(reader(doctor), original.replyId()).orElseThrow();
        assertThat(replyOpened.letter().content().findings()).isEqualTo("心エコーで異常なし");
        assertThat(replyOpened.bundleSignature().valid()).isTrue();
        assertThat(openLetter.open(reader(doctor), row.id()).orElseThrow().history()).extracting(LetterExchange.Event::status)
                .containsExactly(LetterStatus.REQUESTED, LetterStatus.RECEIVED, LetterStatus.ACCEPTED,
                        LetterStatus.COMPLETED);

        // one spelling of a person's kana: the hospital's system spelled the patient its own way; the reply stores
        // that spelling as sent, and the clinic's inbox names the person in the kana the network registered
        var registered = identities.person(patient.person()).orElseThrow().person();
        String kana = registered.familyKana() + " " + registered.givenKana();
        String stored = jdbc.sql("SELECT patient_kana FROM letter WHERE id = ?").param(original.replyId())
                .query(String.class).single();
        assertThat(stored).as("the reply as the hospital sent it").isNotEqualTo(kana);
        assertThat(listLetters.inbox(reader(doctor), Set.of(), 0).rows()).filteredOn(r -> r.id().equals(original.replyId()))
                .singleElement().extracting(LetterRow::patientKana).isEqualTo(kana);
    }

    @Test
    void aFacilityWithoutStandingCannotWriteAndFaultsAreNamed() {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        Facility hospital = accounts.newHospital();
        Patient patient = patientAt(clinic);
        User doctor = accounts.memberOf(clinic, Profession.DOCTOR);
        User outsider = accounts.memberOf(hospital, Profession.DOCTOR);
        LetterRequest noInsurance = new LetterRequest(LetterKind.REFERRAL, hospital.id(), null, null,
                new Content("お願い", null, null, null, null, null, null, null, null, null, null, null, null), null, null,
                null);
        assertThat(sendLetter.send(reader(doctor), patient.person(), noInsurance, null))
                .isEqualTo(new LetterExchange.Sent.Invalid(List.of("letter.fault.insurance")));
        Attachment someoneElses = composeLetter.upload(reader(accounts.memberOf(clinic, Profession.NURSE)), "他人の添付",
                "text/plain", new ByteArrayInputStream("not yours".getBytes(StandardCharsets.UTF_8)));
        LetterRequest borrowed = new LetterRequest(LetterKind.INFORMATION, hospital.id(), null, null,
                new Content(null, null, null, null, null, null, null, null, null, null, null, null,
                        List.of(someoneElses)), null, null, null);
        assertThat(sendLetter.send(reader(doctor), patient.person(), borrowed, null))
                .as("a file's key is no permission to attach it")
                .isEqualTo(new LetterExchange.Sent.Invalid(List.of("letter.fault.attachment")));
        LetterRequest toSelf = new LetterRequest(LetterKind.INFORMATION, clinic.id(), null, null, null, null, null, null);
        assertThat(sendLetter.send(reader(doctor), patient.person(), toSelf, null))
                .isEqualTo(new LetterExchange.Sent.Invalid(List.of("letter.fault.addressee")));
        long before = audit.max();
        LetterRequest info = new LetterRequest(LetterKind.INFORMATION, clinic.id(), null, null, null, null, null, null);
        assertThat(sendLetter.send(reader(outsider), patient.person(), info, null))
                .isInstanceOf(LetterExchange.Sent.Refused.class);
        assertThat(composeLetter.compose(reader(outsider), patient.person(), LetterKind.INFORMATION, null)).isEmpty();
        assertThat(audit.forPatient(before, patient.regionalId())).hasSize(2).allMatch(r -> r.contains("DENY"));
    }

    @Test
    void aStandbyOpensALetterWithoutMarkingItAndTheResidentSeesTheirLetterInTheirRecord() {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        Facility hospital = accounts.newHospital();
        Patient patient = patientAt(clinic);
        User doctor = accounts.memberOf(clinic, Profession.DOCTOR);
        User nurse = accounts.memberOf(hospital, Profession.NURSE);
        LetterRequest request = new LetterRequest(LetterKind.INFORMATION, hospital.id(), null, null,
                new Content(null, null, "退院後の経過", null, null, null, null, null, null, null, null, null, null), null,
                null, null);
        LetterRow row = ((LetterExchange.Sent.Done) sendLetter.send(reader(doctor), patient.person(), request, null)).letter();
        LetterTable.Stored stored = table.find(row.id()).orElseThrow();

        Receiving onStandby = new Receiving(reads, writes, table, files, sending, () -> true);
        var opened = onStandby.open(reader(nurse), stored).orElseThrow();
        assertThat(opened.letter().content().presentIllness()).isEqualTo("退院後の経過");
        assertThat(opened.row().status()).as("a standby writes nothing").isEqualTo(LetterStatus.REQUESTED);
        assertThat(table.find(row.id()).orElseThrow().row().unread()).isTrue();

        var resident = residents.register(patient.person());
        Reader self = new Reader(resident.account().id(), null, Purpose.PATIENT_SELF_ACCESS);
        var record = reads.readPerson(self, PatientRef.person(patient.person()),
                org.musubi.audit.AuditAction.READ, "patient", r -> r.outline());
        assertThat(record.permitted()).isTrue();
        assertThat(record.value()).filteredOn(o -> o.id().equals(stored.documentId()))
                .as("the resident sees the letter about them, as any record of theirs").singleElement()
                .matches(o -> o.category() == org.musubi.policy.DataCategory.REFERRALS);
        assertThat(openLetter.open(self, row.id())).as("but not through the facilities' exchange").isEmpty();
        assertThat(listLetters.inbox(self, Set.of(), 0).rows()).isEmpty();
    }

    /**
     * No outside call inside a database transaction (issue 68): the letter's PDF is rendered, and it and its document
     * are signed, and its files written, before the write door's transaction opens; the letter is stored as signed,
     * with one audit row.
     */
    @Test
    void aLetterIsRenderedAndSignedBeforeItsTransactionOpens() {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        Facility hospital = accounts.newHospital();
        Patient patient = patientAt(clinic);
        User doctor = accounts.memberOf(clinic, Profession.DOCTOR);
        List<String> calls = new CopyOnWriteArrayList<>();
        Signatures signer = Mockito.spy(signatures);
        Mockito.doAnswer(call -> {
            calls.add("sign PDF in a transaction: " + TransactionSynchronizationManager.isActualTransactionActive());
            return call.callRealMethod();
        }).when(signer).signPdf(Mockito.anyLong(), Mockito.any(byte[].class));
        Mockito.doAnswer(call -> {
            calls.add("sign Bundle in a transaction: " + TransactionSynchronizationManager.isActualTransactionActive());
            return call.callRealMethod();
        }).when(signer).signBundle(Mockito.anyLong(), Mockito.any(byte[].class));
        LetterRendering renderer = Mockito.spy(rendering);
        Mockito.doAnswer(call -> {
            calls.add("render in a transaction: " + TransactionSynchronizationManager.isActualTransactionActive());
            return call.callRealMethod();
        }).when(renderer).pdf(Mockito.any());
        TransactionWatch store = new TransactionWatch(blobs);
        Sending observed = new Sending(writes, table, parties, new LetterFiles(renderer, signer, store), resources);
        LetterRequest request = new LetterRequest(LetterKind.INFORMATION, hospital.id(), null, null,
                new Content(null, null, "経過のご報告", null, null, null, null, null, null, null, null, null,
                        List.of(new Attachment("HbA1c", "application/fhir+json", 1, "0".repeat(64),
                                new Attachment.Stored("Observation/" + patient.lab())))), null, null, null);

        long before = audit.max();
        var sent = observed.send(reader(doctor), patient.person(), request, null);

        assertThat(sent).isInstanceOf(LetterExchange.Sent.Done.class);
        assertThat(calls).containsExactlyInAnyOrder("sign Bundle in a transaction: false",
                "render in a transaction: false", "sign PDF in a transaction: false");
        assertThat(store.calls()).as("the signed PDF, the document, the attachment taken from the record")
                .containsExactly("put in a transaction: false", "put in a transaction: false",
                        "put in a transaction: false");
        assertThat(audit.forPatient(before, patient.regionalId())).singleElement().asString().startsWith("CREATE PERMIT");
        var opened = openLetter.open(reader(accounts.memberOf(hospital, Profession.NURSE)),
                ((LetterExchange.Sent.Done) sent).letter().id()).orElseThrow();
        assertThat(opened.pdfSignature().status()).isEqualTo(SignatureStatus.VALID);
        assertThat(opened.bundleSignature().status()).isEqualTo(SignatureStatus.VALID);
        assertThat(opened.attachments()).hasSize(1);
    }

    /**
     * Sending a letter discloses it to its addressee (issue 68): exactly one disclosure for the letter, written in the
     * sending transaction — a send rolled back leaves neither the letter nor its disclosure — by whose id the
     * addressee opens it.
     */
    @Test
    void aLetterSentIsDisclosedToItsAddresseeOnceInTheSendingTransaction() {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        Patient patient = patientAt(clinic);
        Reader doctor = reader(accounts.memberOf(clinic, Profession.DOCTOR));
        LetterRequest request = new LetterRequest(LetterKind.INFORMATION, hospital.id(), null, null,
                new Content(null, null, "経過のご報告", null, null, null, null, null, null, null, null, null, List.of()),
                null, null, null);

        var sent = (LetterExchange.Sent.Done) sendLetter.send(doctor, patient.person(), request, null);
        var undone = (LetterExchange.Sent.Done) DisclosuresMade.rolledBack(transactions,
                () -> sendLetter.send(doctor, patient.person(), request, null));

        assertThat(DisclosuresMade.count(jdbc, "letter:" + sent.letter().id())).isEqualTo(1);
        assertThat(resources.disclosureOf(sent.letter().id())).isPositive();
        assertThat(openLetter.open(reader(accounts.memberOf(hospital, Profession.NURSE)), sent.letter().id()))
                .isPresent();
        assertThat(table.find(undone.letter().id())).isEmpty();
        assertThat(DisclosuresMade.count(jdbc, "letter:" + undone.letter().id())).isZero();
    }

    private Patient patientAt(Facility clinic) {
        return patientAt(clients, port, consents, identities, accounts.networkAdmin().id(), clinic);
    }

    /** A patient the clinic registered through the FHIR API, with one HbA1c, linked there by card: it may write. */
    static Patient patientAt(org.musubi.testing.FhirClients clients, int port, org.musubi.consent.Consents consents,
                             IdentityStore identities, long networkAdmin, Facility clinic) {
        IGenericClient api = clients.fhirFor(port, clinic, "system/*.read", "system/*.write");
        String localId = FhirRecords.localId();
        FhirRecords.registerPatient(api, clinic, localId, FhirRecords.uniqueKana());
        String lab = FhirRecords.create(api, FhirRecords.lab(clinic, localId, FhirRecords.HBA1C, "2026-11-19", 6.8));
        long person = clients.personOf(clinic, localId);
        consents.link(person, clinic.id(), networkAdmin);
        return new Patient(person, identities.person(person).orElseThrow().person().regionalId(), localId, lab);
    }

    private void linkAt(Facility facility, Patient patient) {
        IGenericClient api = clients.fhirFor(port, facility, "system/*.read", "system/*.write");
        String localId = FhirRecords.localId();
        FhirRecords.registerPatient(api, facility, localId, FhirRecords.uniqueKana());
        long admin = accounts.networkAdmin().id();
        long source = identities.sourcePatient(facility.id(), localId).orElseThrow().id();
        unlink.unlink(admin, source, "the same person as the clinic's (test)");
        link.link(admin, source, patient.person(), LinkMethod.OPERATOR, "the same person (test)");
        consents.link(patient.person(), facility.id(), admin);
    }

    private static Reader reader(User user) {
        return new Reader(user.id(), user.actingFacilityId().orElse(null), Purpose.TREATMENT);
    }
}
