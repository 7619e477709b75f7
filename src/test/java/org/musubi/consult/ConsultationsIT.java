package org.musubi.consult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Audit;
import org.musubi.audit.Purpose;
import org.musubi.blob.BlobStore;
import org.musubi.consent.ConsentScope;
import org.musubi.consult.jdbc.JdbcConsultRows;
import org.musubi.identity.IdentityStore;
import org.musubi.policy.Permit;
import org.musubi.policy.PersonAccess;
import org.musubi.policy.disclosure.Disclose;
import org.musubi.record.ReadRecords;
import org.musubi.record.Reader;
import org.musubi.record.ResourceEncoder;
import org.musubi.record.WriteRecords;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.registry.Users;
import org.musubi.testing.DisclosuresMade;
import org.musubi.testing.FhirHttp;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Case consultations on the real database: a clinic's doctor asks a hospital's specialist about a linked, consented
 * patient, with an attachment and a reference to a lab result; the specialist — whose hospital has no link — reads the
 * thread and the referenced result but not the record, answers; unread counts follow each side; the meeting link must
 * be https; the asker closes. Every read and write is exactly one audit row. Non-participants (a colleague of the
 * specialist, a clerk of the department, another clinic's doctor) and a made-up id get the same empty answer, audited
 * once each, through the service, the pages and the FHIR API. A read-only standby reads without marking read and
 * refuses posting. The patient's side never reads the thread (flagged 未告知).
 */
@MusubiIntegrationTest
class ConsultationsIT extends NetworkFixtures {

    @Autowired
    AskConsultation askConsultation;
    @Autowired
    OpenConsultation openConsultation;
    @Autowired
    ListConsultations listConsultations;
    @Autowired
    OpenConsultationAttachment openConsultationAttachment;
    @Autowired
    PostToConsultation postToConsultation;
    @Autowired
    SetConsultationMeeting setConsultationMeeting;
    @Autowired
    CloseConsultation closeConsultation;
    @Autowired
    ReadRecords reads;
    @Autowired
    WriteRecords writes;
    @Autowired
    PersonAccess access;
    @Autowired
    IdentityStore identities;
    @Autowired
    FhirContext fhirContext;
    @Autowired
    ResourceEncoder encoder;
    @Autowired
    BlobStore blobs;
    @Autowired
    Audit auditor;
    @Autowired
    Disclose disclose;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Users users;

    Facility clinic;
    Facility hospital;
    User doctor;
    User specialist;
    User colleague;
    long person;
    String regionalId;
    String labId;
    String localId;

    @BeforeEach
    void network() {
        clinic = accounts.facilityOf(FacilityKind.CLINIC);
        hospital = accounts.newHospital();
        doctor = accounts.memberOf(clinic, Profession.DOCTOR);
        specialist = accounts.memberOf(hospital, Profession.DOCTOR);
        colleague = accounts.memberOf(hospital, Profession.DOCTOR);
        localId = FhirRecords.localId();
        var fhir = clients.fhirFor(port, clinic, "system/*.read", "system/*.write");
        FhirRecords.registerPatient(fhir, clinic, localId, FhirRecords.uniqueKana());
        labId = FhirRecords.create(fhir, FhirRecords.lab(clinic, localId, FhirRecords.HBA1C, "2026-11-01", 7.2));
        person = clients.personOf(clinic, localId);
        long admin = accounts.networkAdmin().id();
        consents.link(person, clinic.id(), admin);
        consents.grant(person, ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT), admin, clinic.id());
        regionalId = identities.person(person).orElseThrow().person().regionalId();
    }

    @Test
    void theFormAndTheThreadNameEachRecordItemByItsKindDayAndTitleNeverByItsId() {
        var fhir = clients.fhirFor(port, clinic, "system/*.read", "system/*.write");
        DiagnosticReport report = new DiagnosticReport().setStatus(DiagnosticReport.DiagnosticReportStatus.FINAL)
                .setCode(new CodeableConcept().setText("血液検査"))
                .setSubject(new Reference("Patient?identifier=" + FhirRecords.patientSystem(clinic) + "|" + localId))
                .setEffective(new DateTimeType("2026-11-21T09:00:00+09:00"));
        report.addCategory().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/v2-0074").setCode("LAB");
        String reportId = FhirRecords.create(fhir, report);
        Observation ldl = FhirRecords.lab(clinic, localId, FhirRecords.LDL, "2026-11-02", 165);
        ldl.getCode().getCodingFirstRep().setDisplay("LDLコレステロール");
        ldl.getValueQuantity().setValueElement(new org.hl7.fhir.r4.model.DecimalType("165")).setUnit("mg/dL");
        String ldlId = FhirRecords.create(fhir, ldl);

        String form = accounts.signedIn(port, doctor).get("/portal/patients/" + person
                + "/consultations/new?facility=" + hospital.id()).body();

        assertThat(shown(form, "<label class=\"reference\">(.*?)</label>")).contains("検査報告 2026-11-21 血液検査",
                "検査結果・測定値 2026-11-02 LDLコレステロール 165 mg/dL", "検査結果・測定値 2026-11-01")
                .noneMatch(option -> option.contains(reportId) || option.contains(ldlId) || option.contains(labId)
                        || option.contains("DiagnosticReport") || option.contains("Observation"));

        ConsultThread thread = askConsultation.ask(reader(doctor), person, new Consultations.Question(hospital.id(),
                specialist.id(), null, "血液検査の解釈", "ご意見をお願いします。",
                List.of("DiagnosticReport/" + reportId, "Observation/" + ldlId), List.of())).orElseThrow();
        String page = accounts.signedIn(port, specialist).get("/portal/consultations/" + thread.id()).body();

        assertThat(shown(page, "<ul class=\"message-references\">(.*?)</ul>")).containsExactly(
                "検査報告 2026-11-21 血液検査 検査結果・測定値 2026-11-02 LDLコレステロール 165 mg/dL");
        assertThat(shown(page, "<section id=\"references\">(.*?)</section>")).containsExactly(
                "参照された記録 検査報告 2026-11-21 血液検査 検査結果・測定値 2026-11-02 LDLコレステロール 165 mg/dL");
    }

    /**
     * Issue 67, the letters' rule: a clinic that linked the patient by card alone (no chart number, so no source patient
     * of its own) asks the hospital about them and reads the hospital's answer; the thread is stored under a source
     * patient of the clinic's, made at its first question and audited once as a card link, and kept for the next
     * question. A hospital without a link gets the one 404 of a patient and a thread that do not exist.
     */
    @Test
    void aClinicLinkedByCardAloneAsksAndReadsTheAnswerAndAFacilityWithoutALinkGetsTheOne404() {
        var fhir = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        String local = FhirRecords.localId();
        FhirRecords.registerPatient(fhir, hospital, local, FhirRecords.uniqueKana());
        long patient = clients.personOf(hospital, local);
        long admin = accounts.networkAdmin().id();
        consents.grant(patient, ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT), admin, hospital.id());
        consents.link(patient, clinic.id(), admin);
        String regional = identities.person(patient).orElseThrow().person().regionalId();
        String base = "/portal/patients/" + patient + "/consultations";

        WebSession asker = accounts.signedIn(port, doctor);
        assertThat(asker.get(base + "/new?facility=" + hospital.id()).statusCode()).isEqualTo(200);
        long before = audit.max();
        String first = WebSession.location(asker.post(base, "facility", String.valueOf(hospital.id()),
                "specialist", String.valueOf(specialist.id()), "subject", "カード連携の患者について",
                "text", "紹介を受けた患者です。ご意見をお願いします。"));
        assertThat(first).matches("/portal/consultations/[0-9a-f-]{36}\\?asked");
        String thread = first.substring(0, first.indexOf('?'));
        assertThat(audit.forPatient(before, regional).stream().filter(a -> a.startsWith("IDENTITY_LINK")))
                .as("the clinic's source patient, made at its first question").containsExactly(
                        "IDENTITY_LINK PERMIT CARD: a facility linked by card asks its first consultation");

        WebSession answerer = accounts.signedIn(port, specialist);
        answerer.get(thread);
        assertThat(WebSession.location(answerer.post(thread + "/messages", "text", "外来で経過をみてください。")))
                .isEqualTo(thread + "?posted");
        assertThat(asker.get(thread).body()).contains("紹介を受けた患者です。ご意見をお願いします。", "外来で経過をみてください。");

        long second = audit.max();
        asker.get(base + "/new?facility=" + hospital.id());
        assertThat(WebSession.location(asker.post(base, "facility", String.valueOf(hospital.id()),
                "subject", "二つ目の相談", "text", "もう一つ伺います。"))).endsWith("?asked");
        assertThat(audit.forPatient(second, regional)).as("the same source patient").noneMatch(
                a -> a.startsWith("IDENTITY_LINK"));
        assertThat(jdbc.sql("""
                SELECT count(*) FROM source_patient s JOIN person_link l ON l.source_patient_id = s.id
                WHERE s.facility_id = ? AND l.person_id = ?""").params(clinic.id(), patient).query(Long.class)
                .single()).as("one source patient of the clinic's for the person").isEqualTo(1);

        WebSession stranger = accounts.signedIn(port, accounts.memberOf(accounts.newHospital(), Profession.DOCTOR));
        String nobody = "/portal/patients/" + Long.MAX_VALUE / 3 + "/consultations";
        assertThat(stranger.get(base + "/new?facility=" + hospital.id()).statusCode()).isEqualTo(404);
        assertThat(stranger.get(nobody + "/new?facility=" + hospital.id()).statusCode()).isEqualTo(404);
        var refused = stranger.post(base, "facility", String.valueOf(hospital.id()), "subject", "x", "text", "y");
        var absent = stranger.post(nobody, "facility", String.valueOf(hospital.id()), "subject", "x", "text", "y");
        assertThat(refused.statusCode()).isEqualTo(404).isEqualTo(absent.statusCode());
        assertThat(refused.body().replaceAll("name=\"_csrf\" value=\"[^\"]*\"", ""))
                .as("the page of a patient who does not exist (the CSRF token aside, masked per response)")
                .isEqualTo(absent.body().replaceAll("name=\"_csrf\" value=\"[^\"]*\"", ""));
        assertThat(stranger.get(thread).statusCode()).isEqualTo(404);
    }

    /**
     * Issue 67: closing a consultation asks once. One click closes nothing and comes back to the thread with the
     * question open (the thread's subject, what closing means); only the POST with {@code confirmed=yes} closes it.
     */
    @Test
    void closingAConsultationAsksOnceAndOnlyTheConfirmationClosesIt() {
        ConsultThread thread = askConsultation.ask(reader(doctor), person, new Consultations.Question(hospital.id(),
                specialist.id(), null, "閉じる前に確かめる相談", "ご意見をお願いします。", List.of(), List.of()))
                .orElseThrow();
        String path = "/portal/consultations/" + thread.id();
        WebSession asker = accounts.signedIn(port, doctor);
        asker.get(path);

        assertThat(WebSession.location(asker.post(path + "/close"))).isEqualTo(path + "?confirm");
        assertThat(openConsultation.open(reader(doctor), thread.id()).orElseThrow().thread().status())
                .as("not closed without the confirmation").isEqualTo(ConsultStatus.OPEN);
        assertThat(asker.get(path + "?confirm").body())
                .contains("<details class=\"confirm\" id=\"close\" open=\"open\">")
                .contains("相談「閉じる前に確かめる相談」を終了します。終了すると、相談先もあなたもこの相談に書き込めず、Web会議も設定できなくなります。");

        assertThat(WebSession.location(asker.post(path + "/close", "confirmed", "yes"))).isEqualTo(path + "?closed");
        assertThat(openConsultation.open(reader(doctor), thread.id()).orElseThrow().thread().status())
                .isEqualTo(ConsultStatus.CLOSED);
    }

    /** The text a person reads in each match of {@code regex} (group 1): tags dropped, blanks collapsed. */
    private static List<String> shown(String html, String regex) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(regex, java.util.regex.Pattern.DOTALL).matcher(html);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.group(1).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip());
        }
        return found;
    }

    @Test
    void askedAnsweredAndClosedWithUnreadCountsAttachmentsAndReferencesEachAuditedOnce() {
        long before = audit.max();
        byte[] ecg = "心電図所見: 洞調律".getBytes(StandardCharsets.UTF_8);
        ConsultThread thread = askConsultation.ask(reader(doctor), person, new Consultations.Question(hospital.id(),
                specialist.id(), "循環器内科", "胸痛の評価について", "労作時の胸痛があります。ご意見をお願いします。",
                List.of("Observation/" + labId), List.of(new Upload("ecg.txt", "text/plain", ecg)))).orElseThrow();
        assertThat(rows(before, doctor)).singleElement().satisfies(row -> {
            assertThat(row.action() + " " + row.outcome()).isEqualTo("CREATE PERMIT");
            assertThat(row.patientId()).isEqualTo(regionalId);
            assertThat(row.resourceIds()).anyMatch(id -> id.contains(thread.headerId()));
        });
        assertThat(thread.status()).isEqualTo(ConsultStatus.OPEN);
        assertThat(access.openPerson(specialist.id(), Purpose.TREATMENT, person).permitted())
                .as("the specialist's hospital has no link").isFalse();

        assertThat(listConsultations.unread(reader(specialist))).isEqualTo(1);
        assertThat(listConsultations.unread(reader(doctor))).isZero();
        assertThat(listConsultations.unread(reader(colleague))).as("asked by name: the colleague is not asked").isZero();

        long opening = audit.max();
        ThreadPage page = openConsultation.open(reader(specialist), thread.id()).orElseThrow();
        assertThat(rows(opening, specialist)).singleElement().satisfies(row -> {
            assertThat(row.reason()).isEqualTo(Permit.CONSULTED_THREAD);
            assertThat(row.patientId()).as("in the patient's access log").isEqualTo(regionalId);
        });
        assertThat(page.asker()).isFalse();
        assertThat(page.unreadBefore()).isEqualTo(1);
        assertThat(page.messages()).singleElement().satisfies(m -> {
            assertThat(m.question()).isTrue();
            assertThat(m.text()).contains("労作時の胸痛");
            assertThat(m.attachments()).singleElement().extracting(ConsultMessage.Attachment::title).isEqualTo("ecg.txt");
        });
        assertThat(page.references()).containsKey("Observation/" + labId);
        assertThat(page.references().get("Observation/" + labId)).as("the specialist reads the referenced result")
                .isNotNull();
        assertThat(listConsultations.unread(reader(specialist))).as("read").isZero();

        String binaryId = page.messages().getFirst().attachments().getFirst().binaryId();
        long download = audit.max();
        assertThat(openConsultationAttachment.attachment(reader(specialist), thread.id(), binaryId).orElseThrow().bytes())
                .isEqualTo(ecg);
        assertThat(rows(download, specialist)).hasSize(1);

        long answering = audit.max();
        ConsultThread answered = postToConsultation.post(reader(specialist), thread.id(),
                new Consultations.Post("負荷心電図をお勧めします。", List.of(), List.of())).orElseThrow();
        assertThat(rows(answering, specialist)).singleElement().satisfies(row -> {
            assertThat(row.action() + " " + row.outcome()).isEqualTo("CREATE PERMIT");
            assertThat(row.reason()).isEqualTo(Permit.CONSULTED_THREAD);
        });
        assertThat(answered.status()).isEqualTo(ConsultStatus.ANSWERED);
        long stored = jdbc.sql("""
                SELECT count(*) FROM resource WHERE type = 'Communication' AND patient_key = ?
                AND source_facility = ?""").params(thread.patientKey(), clinic.id()).query(Long.class).single();
        assertThat(stored).as("the answer is stored under the asker's patient, with the question").isEqualTo(2);
        assertThat(listConsultations.unread(reader(doctor))).isEqualTo(1);
        assertThat(listConsultations.list(reader(doctor), Set.of(ConsultStatus.ANSWERED)))
                .anySatisfy(l -> {
                    assertThat(l.thread().id()).isEqualTo(thread.id());
                    assertThat(l.unread()).isEqualTo(1);
                });

        long asker = audit.max();
        ThreadPage doctorsPage = openConsultation.open(reader(doctor), thread.id()).orElseThrow();
        assertThat(rows(asker, doctor)).hasSize(1);
        assertThat(doctorsPage.asker()).isTrue();
        assertThat(doctorsPage.messages()).extracting(ConsultMessage::text)
                .containsExactly("労作時の胸痛があります。ご意見をお願いします。", "負荷心電図をお勧めします。");
        assertThat(listConsultations.unread(reader(doctor))).isZero();

        assertThatThrownBy(() -> setConsultationMeeting.meeting(reader(specialist), thread.id(), Instant.now(),
                "http://meet.example.jp/abc")).isInstanceOf(ConsultFault.class).hasMessage(ConsultFault.MEETING_URL);
        assertThatThrownBy(() -> setConsultationMeeting.meeting(reader(specialist), thread.id(), Instant.now(),
                "javascript:alert(1)")).hasMessage(ConsultFault.MEETING_URL);
        long meeting = audit.max();
        ConsultThread met = setConsultationMeeting.meeting(reader(specialist), thread.id(), Instant.parse("2026-12-01T09:00:00Z"),
                "https://meet.example.jp/abc").orElseThrow();
        assertThat(met.meetingUrl()).isEqualTo("https://meet.example.jp/abc");
        assertThat(met.status()).as("setting a meeting answers nothing").isEqualTo(ConsultStatus.ANSWERED);
        assertThat(rows(meeting, specialist)).hasSize(1);

        long closing = audit.max();
        assertThat(closeConsultation.close(reader(specialist), thread.id())).as("only the asker closes").isEmpty();
        assertThat(rows(closing, specialist)).singleElement().satisfies(row -> assertThat(row.outcome()).isEqualTo("DENY"));
        closing = audit.max();
        assertThat(closeConsultation.close(reader(doctor), thread.id()).orElseThrow().status())
                .isEqualTo(ConsultStatus.CLOSED);
        assertThat(rows(closing, doctor)).singleElement()
                .satisfies(row -> assertThat(row.action()).isEqualTo("UPDATE"));
        assertThat(jdbc.sql("SELECT content::jsonb->>'status' FROM resource WHERE type = 'Communication' AND id = ?")
                .param(thread.headerId()).query(String.class).single()).isEqualTo("completed");
        assertThatThrownBy(() -> postToConsultation.post(reader(specialist), thread.id(),
                new Consultations.Post("追記", List.of(), List.of()))).hasMessage(ConsultFault.CLOSED);
    }

    @Test
    void nonParticipantsAndGuessedIdsGetTheAnswerOfAThreadThatDoesNotExistAuditedOnce() {
        ConsultThread thread = askConsultation.ask(reader(doctor), person, new Consultations.Question(hospital.id(),
                null, "腎臓内科", "CKD の紹介時期", "ご相談です。", List.of(), List.of())).orElseThrow();
        Facility other = accounts.newHospital();
        User stranger = accounts.memberOf(other, Profession.DOCTOR);
        User clerk = accounts.memberOf(hospital, Profession.MEDICAL_CLERK);
        User doctorsColleague = accounts.memberOf(clinic, Profession.DOCTOR);

        assertThat(openConsultation.open(reader(colleague), thread.id())).as("addressed to the department").isPresent();
        for (User outsider : List.of(stranger, clerk, doctorsColleague)) {
            for (UUID id : List.of(thread.id(), UUID.randomUUID())) {
                long before = audit.max();
                assertThat(openConsultation.open(reader(outsider), id)).isEmpty();
                assertThat(openConsultationAttachment.attachment(reader(outsider), id, "x")).isEmpty();
                assertThat(postToConsultation.post(reader(outsider), id, new Consultations.Post("x", List.of(), List.of())))
                        .isEmpty();
                assertThat(closeConsultation.close(reader(outsider), id)).isEmpty();
                assertThat(rows(before, outsider)).as(outsider.loginId() + " " + id).hasSize(4)
                        .allMatch(r -> r.outcome().equals("DENY"));
            }
            assertThat(listConsultations.list(reader(outsider), Set.of(ConsultStatus.values())))
                    .noneMatch(l -> l.thread().id().equals(thread.id()));
            assertThat(listConsultations.unread(reader(outsider))).isZero();
        }
        assertThatThrownBy(() -> askConsultation.ask(reader(stranger), person, new Consultations.Question(hospital.id(),
                null, null, "件名", "本文", List.of(), List.of())).orElseThrow()).as("no link, no asking")
                .isInstanceOf(java.util.NoSuchElementException.class);
        assertThatThrownBy(() -> askConsultation.ask(reader(doctor), person, new Consultations.Question(hospital.id(),
                null, null, "件名", "本文", List.of("Observation/" + UUID.randomUUID()), List.of())))
                .as("a reference the asker does not see").hasMessage(ConsultFault.REFERENCE);

        for (User outsider : List.of(stranger, clerk, doctorsColleague)) {
            var web = accounts.signedIn(port, outsider);
            for (String path : List.of("/portal/consultations/" + thread.id(),
                    "/portal/consultations/" + thread.id() + "/attachments/x")) {
                assertThat(web.get(path).statusCode()).as(path).isEqualTo(404);
                assertThat(web.get(path.replace(thread.id().toString(), UUID.randomUUID().toString())).statusCode())
                        .isEqualTo(404);
            }
            assertThat(web.get("/portal/consultations").body()).doesNotContain(thread.id().toString());
        }

        String token = clients.token(port, clients.register(hospital, "system/*.read"));
        FhirHttp hospitalApi = new FhirHttp(port, token);
        FhirHttp clinicApi = new FhirHttp(port, clients.token(port, clients.register(clinic, "system/*.read")));
        String partOf = "Communication?patient=Patient/" + person + "&part-of=Communication/" + thread.headerId();
        var refused = hospitalApi.get(partOf, "application/fhir+json");
        var nobody = hospitalApi.get("Communication?patient=Patient/999999999&part-of=Communication/"
                + thread.headerId(), "application/fhir+json");
        assertThat(refused.statusCode()).isEqualTo(nobody.statusCode());
        assertThat(refused.body()).doesNotContain(thread.headerId().substring(0, 8) + "\"");
        assertThat(hospitalApi.get("Communication/" + thread.headerId(), "application/fhir+json").statusCode())
                .isEqualTo(hospitalApi.get("Communication/" + UUID.randomUUID(), "application/fhir+json")
                        .statusCode());
        assertThat(hospitalApi.get("Communication?patient=Patient/" + person + "&_id=" + thread.headerId(),
                "application/fhir+json").statusCode()).as("_id: the same answer as for a patient nobody has")
                .isEqualTo(hospitalApi.get("Communication?patient=Patient/999999999&_id=" + thread.headerId(),
                        "application/fhir+json").statusCode());

        postToConsultation.post(reader(colleague), thread.id(), new Consultations.Post("外来でお受けします。", List.of(),
                List.of())).orElseThrow();
        var found = clinicApi.get(partOf, "application/fhir+json");
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        assertThat(found.body()).contains("外来でお受けします。").contains("\"total\":1");
    }

    /**
     * Asking a consultation discloses the thread to its addressee (issue 68): exactly one disclosure, written in the
     * asking transaction — an asking rolled back leaves neither the thread nor its disclosure.
     */
    @Test
    void aThreadAskedIsDisclosedToItsAddresseeOnceInTheAskingTransaction() {
        Consultations.Question question = new Consultations.Question(hospital.id(), specialist.id(), null, "件名",
                "本文", List.of(), List.of());

        ConsultThread thread = askConsultation.ask(reader(doctor), person, question).orElseThrow();
        ConsultThread undone = DisclosuresMade.rolledBack(transactions,
                () -> askConsultation.ask(reader(doctor), person, question).orElseThrow());

        assertThat(DisclosuresMade.count(jdbc, "consultation:" + thread.id())).isEqualTo(1);
        assertThat(openConsultation.open(reader(specialist), thread.id())).isPresent();
        assertThat(jdbc.sql("SELECT count(*) FROM consult_thread WHERE id = ?").param(undone.id()).query(Long.class)
                .single()).isZero();
        assertThat(DisclosuresMade.count(jdbc, "consultation:" + undone.id())).isZero();
    }

    @Test
    void aReadOnlyStandbyReadsWithoutMarkingReadAndRefusesPosting() {
        ConsultThread thread = askConsultation.ask(reader(doctor), person, new Consultations.Question(hospital.id(),
                specialist.id(), null, "件名", "本文", List.of(), List.of())).orElseThrow();
        ConsultContext.Directory directory = new ConsultContext.Directory() {
            @Override
            public boolean askable(long facilityId) {
                return true;
            }

            @Override
            public boolean specialistOf(long userId, long facilityId) {
                return true;
            }

            @Override
            public String userName(long userId) {
                return "x";
            }

            @Override
            public String facilityName(long facilityId) {
                return "x";
            }
        };
        Consultations standby = new Consultations(reads, writes, new JdbcConsultRows(jdbc),
                new ConsultResources(fhirContext, encoder, blobs, 1_000_000),
                new ConsultContext(access, auditor, directory, (asker, view) -> Optional.empty(), () -> true,
                        Clock.systemUTC(), disclose));
        long before = audit.max();
        assertThat(new OpenConsultation(standby).open(reader(specialist), thread.id()).orElseThrow().messages()).hasSize(1);
        assertThat(rows(before, specialist)).hasSize(1);
        assertThat(new ListConsultations(standby).unread(reader(specialist))).as("a standby writes no mark").isEqualTo(1);
        assertThat(new ListConsultations(standby).list(reader(specialist), Set.of(ConsultStatus.OPEN)))
                .anyMatch(l -> l.thread().id().equals(thread.id()) && l.unread() == 1);
        assertThatThrownBy(() -> new PostToConsultation(standby).post(reader(specialist), thread.id(),
                new Consultations.Post("回答", List.of(), List.of()))).hasMessage(ConsultFault.STANDBY);
        assertThatThrownBy(() -> new CloseConsultation(standby).close(reader(doctor), thread.id())).hasMessage(ConsultFault.STANDBY);
        assertThat(openConsultation.open(reader(specialist), thread.id())).isPresent();
        assertThat(listConsultations.unread(reader(specialist))).as("read on the primary").isZero();
    }

    @Test
    void thePatientsSideNeverReadsTheThread() {
        ConsultThread thread = askConsultation.ask(reader(doctor), person, new Consultations.Question(hospital.id(),
                specialist.id(), null, "件名", "本文", List.of(), List.of())).orElseThrow();
        User resident = users.saveResident(person, "resident-" + UUID.randomUUID(), "患者 本人", "カンジャ ホンニン");
        var read = reads.read(new Reader(resident.id(), null, Purpose.PATIENT_SELF_ACCESS), "Communication",
                thread.headerId(), null);
        assertThat(read.permitted()).as("flagged 未告知: a conversation between doctors").isFalse();
        assertThat(reads.read(new Reader(resident.id(), null, Purpose.PATIENT_SELF_ACCESS), "Observation", labId, null)
                .permitted()).as("the rest of the record is theirs").isTrue();
    }

    /**
     * The audit rows written after {@code afterSeq} (by the calls of {@code user}: a call outside an HTTP request has no
     * signed-in actor, and nothing else writes meanwhile in this test).
     */
    private List<org.musubi.testing.AuditRows.Row> rows(long afterSeq, User user) {
        return audit.rowsSince(afterSeq);
    }

    private static Reader reader(User user) {
        return new Reader(user.id(), user.actingFacilityId().orElse(null));
    }
}
