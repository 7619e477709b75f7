package org.musubi.carenet.municipal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.Person;
import org.musubi.policy.Permit;
import org.musubi.record.Reader;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.DisclosuresMade;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.WebSession;
import org.musubi.worklist.Waiting;
import org.musubi.worklist.Worklist;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The 主治医意見書 on the real database and over HTTP: a municipality that has the resident linked by card asks a clinic's
 * doctor; the doctor (and no one else) sees the request on the home page, fills the form — entered into the clinic's
 * record — or uploads a signed PDF, or declines with a reason; the municipality receives it (unread until opened),
 * exports it as a PDF with the patient's name and marks it completed. Every read and write is one audit row naming the
 * patient; another municipality, a colleague of the doctor who was not asked and a guessed id all get what an absent
 * document gets; a read-only standby refuses every change and opens without marking read.
 */
@MusubiIntegrationTest
class MunicipalDocumentsIT extends NetworkFixtures {

    @Autowired
    MunicipalDocuments documents;
    @Autowired
    RequestOpinion requestOpinion;
    @Autowired
    OpenMunicipalDocument openMunicipalDocument;
    @Autowired
    AnswerOpinion answerOpinion;
    @Autowired
    CompleteOpinion completeOpinion;
    @Autowired
    ListMunicipalDocuments listMunicipalDocuments;
    @Autowired
    DeclineOpinion declineOpinion;
    @Autowired
    PrintMunicipalDocument printMunicipalDocument;
    @Autowired
    IdentityStore identities;
    @Autowired
    Worklist worklist;
    @Autowired
    Places places;
    @Autowired
    TransactionTemplate transactions;

    /**
     * A clinic's patient linked with the card at a municipality too, the clinic's doctor and the municipality's
     * public-health nurse (保健師), who opens the resident's record to ask (the tests' matrix gives MUNICIPAL_STAFF no
     * category at all, {@code MusubiIntegrationTest}).
     */
    private record Scene(long person, String regionalId, Person who, Facility clinic, User doctor, Facility city,
                         User staff) {
        Reader doctorReader() {
            return new Reader(doctor.id(), clinic.id());
        }

        Reader staffReader() {
            return new Reader(staff.id(), city.id());
        }
    }

    private Scene scene() {
        Facility clinic = accounts.newHospital();
        Facility city = places.municipality();
        long person = linkedConsentedPatientAt(clinic);
        consents.link(person, city.id(), accounts.networkAdmin().id());
        Person who = identities.person(person).orElseThrow().person();
        return new Scene(person, who.regionalId(), who, clinic, accounts.memberOf(clinic, Profession.DOCTOR), city,
                accounts.memberOf(city, Profession.PUBLIC_HEALTH_NURSE));
    }

    private UUID request(Scene s, LocalDate due) {
        long before = audit.max();
        MunicipalDocuments.Outcome<UUID> made = requestOpinion.request(s.staffReader(), new MunicipalDocuments.Request(
                s.person(), s.doctor().id(), due, "NEW", "1234567890", "更新申請のため"));
        assertThat(made.faults()).as(() -> "refused: " + audit.forPatient(before, s.regionalId())).isEmpty();
        return made.value();
    }

    /**
     * Requesting an opinion discloses the request (issue 68) to the doctor asked and the answer back to the
     * municipality: exactly one disclosure for each side, written in the requesting transaction — a request rolled
     * back leaves neither the document nor a disclosure.
     */
    @Test
    void aRequestIsDisclosedToEachSideOnceInTheRequestingTransaction() {
        Scene s = scene();
        MunicipalDocuments.Request request = new MunicipalDocuments.Request(s.person(), s.doctor().id(),
                LocalDate.now().plusDays(14), "NEW", "1234567890", "更新申請のため");

        UUID undone = DisclosuresMade.rolledBack(transactions,
                () -> requestOpinion.request(s.staffReader(), request).value());
        UUID made = requestOpinion.request(s.staffReader(), request).value();

        assertThat(DisclosuresMade.count(jdbc, "municipal-document:" + made)).isEqualTo(1);
        assertThat(DisclosuresMade.count(jdbc, "municipal-document:" + made + ":sender")).isEqualTo(1);
        assertThat(openMunicipalDocument.open(s.doctorReader(), made, java.util.Locale.JAPANESE)).isPresent();
        assertThat(undone).isNotNull();
        assertThat(jdbc.sql("SELECT count(*) FROM municipal_document WHERE id = ?").param(undone).query(Long.class)
                .single()).isZero();
        assertThat(DisclosuresMade.countLike(jdbc, "municipal-document:" + undone)).isZero();
    }

    @Test
    void aMunicipalityRequestsTheDoctorFillsItAndTheMunicipalityReceivesExportsAndCompletesIt() throws Exception {
        Scene s = scene();
        long before = audit.max();
        UUID id = request(s, LocalDate.now().plusDays(14));
        assertThat(audit.forPatient(before, s.regionalId())).singleElement().asString().startsWith("CREATE PERMIT");
        assertThat(waiting(s.doctorReader(), "municipal-requests")).isEqualTo(new int[] {1, 0});

        long opening = audit.max();
        MunicipalDocuments.Opened asked = openMunicipalDocument.open(s.doctorReader(), id, Locale.JAPANESE).orElseThrow();
        assertThat(asked.answers()).isTrue();
        assertThat(asked.document().patientName()).isEqualTo(s.who().familyKanji() + " " + s.who().givenKanji());
        assertThat(asked.document().insuredNumber()).isEqualTo("1234567890");
        assertThat(audit.forPatient(opening, s.regionalId())).containsExactly("READ PERMIT " + Permit.ADDRESSED_DOCUMENT);

        long filling = audit.max();
        MunicipalDocuments.Outcome<UUID> refused = answerOpinion.answer(s.doctorReader(), id, java.util.Map.of());
        assertThat(refused.faults()).containsExactly(MunicipalDocuments.FORM);
        assertThat(refused.form()).isNotEmpty();
        assertThat(answerOpinion.answer(s.doctorReader(), id, FormsTest.opinion()).faults()).isEmpty();
        assertThat(audit.forPatient(filling, s.regionalId())).as("a refused form writes nothing; the answer one row")
                .singleElement().asString().startsWith("CREATE PERMIT");
        String ref = jdbc.sql("SELECT record_ref FROM municipal_document WHERE id = ?").param(id).query(String.class)
                .single();
        assertThat(ref).startsWith("QuestionnaireResponse/");
        assertThat(jdbc.sql("SELECT count(*) FROM resource WHERE type = 'QuestionnaireResponse' AND id = ?")
                .param(ref.substring(ref.indexOf('/') + 1)).query(Long.class).single())
                .as("entered into the clinic's record").isEqualTo(1);
        assertThat(waiting(s.doctorReader(), "municipal-requests")[0]).isZero();
        assertThat(waiting(s.staffReader(), "municipal-opinions")).isEqualTo(new int[] {1, 0});

        long receiving = audit.max();
        User clerkOfCity = accounts.memberOf(s.city(), Profession.MUNICIPAL_STAFF);
        Reader cityStaff = new Reader(clerkOfCity.id(), s.city().id());
        assertThat(waiting(cityStaff, "municipal-opinions")).isEqualTo(new int[] {1, 0});
        MunicipalDocuments.Opened received = openMunicipalDocument.open(cityStaff, id, Locale.JAPANESE).orElseThrow();
        assertThat(received.document().status()).isEqualTo(DocumentStatus.RECEIVED);
        assertThat(received.sections()).flatExtracting(FormAnswers.Section::rows)
                .contains(new FormAnswers.Row("認知症高齢者の日常生活自立度", "Ⅱa"));
        assertThat(audit.forPatient(receiving, s.regionalId()))
                .as("municipal staff read what was sent to them though their matrix has nothing of the record")
                .containsExactly("READ PERMIT " + Permit.ADDRESSED_DOCUMENT);
        assertThat(waiting(s.staffReader(), "municipal-opinions")[0]).as("read once opened").isZero();
        assertThat(accounts.signedIn(port, clerkOfCity).get("/portal/patients/" + s.person()).statusCode())
                .as("and nothing else of the record").isEqualTo(404);

        WebSession city = accounts.signedIn(port, s.staff());
        long exporting = audit.max();
        HttpResponse<byte[]> pdf = city.getBytes("/portal/municipal/documents/" + id + "/pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        try (var document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("主治医意見書").contains(s.who().familyKanji()).contains("脳梗塞後遺症");
        }
        assertThat(audit.forPatient(exporting, s.regionalId())).containsExactly("EXPORT PERMIT " + Permit.ADDRESSED_DOCUMENT);

        long completing = audit.max();
        assertThat(completeOpinion.complete(s.staffReader(), id).ok()).isTrue();
        assertThat(completeOpinion.complete(s.staffReader(), id).faults()).containsExactly(MunicipalDocuments.NOT_OPEN);
        assertThat(audit.forPatient(completing, s.regionalId())).hasSize(2)
                .allMatch(r -> r.equals("UPDATE PERMIT " + Permit.ADDRESSED_DOCUMENT));
        assertThat(listMunicipalDocuments.list(s.staffReader(), DocumentKind.OPINION, true)).filteredOn(d -> d.id().equals(id))
                .singleElement().extracting(MunicipalDocument::status).isEqualTo(DocumentStatus.COMPLETED);
        assertThat(answerOpinion.answer(s.doctorReader(), id, FormsTest.opinion()).faults())
                .containsExactly(MunicipalDocuments.NOT_OPEN);
    }

    /**
     * Sending the opinion (filled in, or as a signed PDF) and declining the request cannot be undone (issue 67): one
     * click changes nothing and writes no act, and the page opens the act's question — naming the patient and the
     * municipality, saying what follows — with what was typed still in the form; the confirmed POST acts.
     */
    @Test
    void sendingOrDecliningOverTheWebAsksOnceAndKeepsWhatWasTyped() {
        Scene s = scene();
        UUID id = request(s, LocalDate.now().plusDays(14));
        WebSession doctor = accounts.signedIn(port, s.doctor());
        String page = "/portal/municipal/documents/" + id;
        String form = doctor.get(page).body();
        java.util.regex.Matcher from = java.util.regex.Pattern.compile("<th>差出</th><td>([^<]+)</td>").matcher(form);
        assertThat(from.find()).isTrue();
        String patient = s.who().familyKanji() + " " + s.who().givenKanji();
        String send = patient + "さんの主治医意見書を " + from.group(1) + " に送ります。"
                + "送った主治医意見書は取り消せず、ここから書き直すこともできません。";
        String upload = patient + "さんの主治医意見書を、選んだ署名済み PDF で " + from.group(1) + " に送ります。"
                + "送った主治医意見書は取り消せず、ここから差し替えることもできません。";
        String decline = patient + "さんの主治医意見書の依頼（" + from.group(1) + " から）を辞退します。"
                + "辞退すると理由が依頼元に知らされ、この依頼には主治医意見書を送れなくなります。元に戻せません。";
        assertThat(form).contains("<p class=\"confirm-question\" id=\"send-opinion-question\">" + send + "</p>")
                .contains("<p class=\"confirm-question\" id=\"upload-opinion-question\">" + upload + "</p>")
                .contains("<p class=\"confirm-question\" id=\"decline-question\">" + decline + "</p>")
                .contains("<summary id=\"send-opinion-ask\">意見書を送る</summary>")
                .doesNotContain("open=\"open\"");

        long before = audit.max();
        HttpResponse<String> answered = doctor.post(page + "/answer", "diagnosis1", "脳梗塞（試験）");
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(answered.body()).contains("<details class=\"confirm\" id=\"send-opinion\" open=\"open\">")
                .contains(send).contains("脳梗塞（試験）");
        HttpResponse<String> declined = doctor.post(page + "/decline", "reason", "当院の受診は1年以上ありません");
        assertThat(declined.body()).contains("<details class=\"confirm\" id=\"decline\" open=\"open\">")
                .contains(decline).contains("value=\"当院の受診は1年以上ありません\"");
        String boundary = "----musubi" + UUID.randomUUID();
        String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + doctor.csrf()
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"opinion.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.4 test\r\n--" + boundary + "--\r\n";
        HttpResponse<String> uploaded = doctor.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(doctor.base()
                        + page + "/upload")).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "text/html").POST(java.net.http.HttpRequest.BodyPublishers.ofString(multipart)));
        assertThat(uploaded.statusCode()).isEqualTo(200);
        assertThat(uploaded.body()).contains("<details class=\"confirm\" id=\"upload-opinion\" open=\"open\">")
                .contains(upload);
        assertThat(audit.forPatient(before, s.regionalId())).as("reads of the page, no act")
                .hasSize(3).noneMatch(r -> r.startsWith("UPDATE"));
        assertThat(openMunicipalDocument.open(s.staffReader(), id, Locale.JAPANESE).orElseThrow().document().status())
                .as("neither sent nor declined without the confirmation").isEqualTo(DocumentStatus.REQUESTED);

        assertThat(WebSession.location(doctor.post(page + "/decline", "reason", "当院の受診は1年以上ありません",
                "confirmed", "yes"))).isEqualTo(page + "?declined");
        assertThat(openMunicipalDocument.open(s.staffReader(), id, Locale.JAPANESE).orElseThrow().document().status())
                .isEqualTo(DocumentStatus.DECLINED);
    }

    @Test
    void theDoctorDeclinesWithAReasonAndAnOverdueRequestIsCounted() {
        Scene s = scene();
        UUID late = request(s, LocalDate.now().plusDays(1));
        jdbc.sql("UPDATE municipal_document SET due = current_date - 3 WHERE id = ?").param(late).update();
        assertThat(waiting(s.doctorReader(), "municipal-requests")).isEqualTo(new int[] {1, 1});
        assertThat(openMunicipalDocument.open(s.doctorReader(), late, Locale.JAPANESE).orElseThrow().document()
                .overdue(Instant.now())).isTrue();
        WebSession doctor = accounts.signedIn(port, s.doctor());
        assertThat(doctor.get("/portal/municipal/opinions/inbox").body()).contains("data-document=\"" + late + "\"")
                .contains("data-overdue=\"true\"");

        long before = audit.max();
        assertThat(declineOpinion.decline(s.doctorReader(), late, " ").faults()).containsExactly(MunicipalDocuments.REASON);
        assertThat(declineOpinion.decline(s.doctorReader(), late, "当院の受診は1年以上ありません").ok()).isTrue();
        assertThat(audit.forPatient(before, s.regionalId())).containsExactly("UPDATE PERMIT " + Permit.ADDRESSED_DOCUMENT);
        MunicipalDocument declined = openMunicipalDocument.open(s.staffReader(), late, Locale.JAPANESE).orElseThrow().document();
        assertThat(declined.status()).isEqualTo(DocumentStatus.DECLINED);
        assertThat(declined.statusReason()).isEqualTo("当院の受診は1年以上ありません");
        assertThat(declined.overdue(Instant.now())).as("declined is no longer overdue").isFalse();
        assertThat(waiting(s.doctorReader(), "municipal-requests")).isEqualTo(new int[] {0, 0});
        assertThat(completeOpinion.complete(s.staffReader(), late).faults()).containsExactly(MunicipalDocuments.NOT_OPEN);
    }

    @Test
    void theDoctorUploadsASignedPdfInstead() throws Exception {
        Scene s = scene();
        UUID id = request(s, LocalDate.now().plusDays(7));
        assertThat(answerOpinion.upload(s.doctorReader(), id, "text/html",
                new ByteArrayInputStream("<html>".getBytes(StandardCharsets.UTF_8))).faults())
                .containsExactly(MunicipalDocuments.NOT_PDF);
        byte[] signed = ("%PDF-1.7\n% signed opinion " + UUID.randomUUID() + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
        long before = audit.max();
        assertThat(answerOpinion.upload(s.doctorReader(), id, "application/pdf", new ByteArrayInputStream(signed)).ok())
                .isTrue();
        assertThat(audit.forPatient(before, s.regionalId())).singleElement().asString().startsWith("CREATE PERMIT");
        assertThat(jdbc.sql("SELECT record_ref FROM municipal_document WHERE id = ?").param(id).query(String.class)
                .single()).startsWith("DocumentReference/");
        HttpResponse<byte[]> pdf = accounts.signedIn(port, s.staff()).getBytes("/portal/municipal/documents/" + id + "/pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.body()).as("the signed PDF exactly as uploaded").isEqualTo(signed);
    }

    @Test
    void aReadOnlyStandbyRefusesEveryChangeAndOpensWithoutMarkingRead() {
        Scene s = scene();
        UUID id = request(s, LocalDate.now().plusDays(7));
        assertThat(answerOpinion.answer(s.doctorReader(), id, FormsTest.opinion()).ok()).isTrue();
        MunicipalDocuments standby = documents.onStandby();
        long before = audit.max();
        assertThat(new RequestOpinion(standby).request(s.staffReader(), new MunicipalDocuments.Request(s.person(), s.doctor().id(),
                LocalDate.now().plusDays(7), "NEW", null, null)).faults()).containsExactly(MunicipalDocuments.STANDBY);
        assertThat(new CompleteOpinion(standby).complete(s.staffReader(), id).faults()).containsExactly(MunicipalDocuments.STANDBY);
        assertThat(new DeclineOpinion(standby).decline(s.doctorReader(), id, "理由").faults()).containsExactly(MunicipalDocuments.STANDBY);
        assertThat(audit.forPatient(before, s.regionalId())).as("nothing happened, nothing read").isEmpty();
        assertThat(new OpenMunicipalDocument(standby).open(s.staffReader(), id, Locale.JAPANESE)).isPresent();
        assertThat(audit.forPatient(before, s.regionalId())).containsExactly("READ PERMIT " + Permit.ADDRESSED_DOCUMENT);
        assertThat(jdbc.sql("SELECT read_at FROM municipal_document WHERE id = ?").param(id).query(Instant.class)
                .optional()).as("not marked read on a standby").isEmpty();
        assertThat(listMunicipalDocuments.list(s.staffReader(), DocumentKind.OPINION, true)).filteredOn(d -> d.id().equals(id))
                .singleElement().extracting(MunicipalDocument::status).isEqualTo(DocumentStatus.RECEIVED);
    }

    @Test
    void anotherMunicipalityAColleagueNotAskedAndAGuessedIdGetWhatAnAbsentDocumentGets() {
        Scene s = scene();
        UUID id = request(s, LocalDate.now().plusDays(7));
        Facility otherCity = places.municipality();
        User otherStaff = accounts.memberOf(otherCity, Profession.MUNICIPAL_STAFF);
        User colleague = accounts.memberOf(s.clinic(), Profession.DOCTOR);
        User clerk = accounts.memberOf(s.city(), Profession.MEDICAL_CLERK);
        Reader other = new Reader(otherStaff.id(), otherCity.id());
        Reader notAsked = new Reader(colleague.id(), s.clinic().id());
        Reader cityClerk = new Reader(clerk.id(), s.city().id());

        long before = audit.max();
        for (Reader reader : List.of(other, notAsked, cityClerk)) {
            assertThat(openMunicipalDocument.open(reader, id, Locale.JAPANESE)).isEmpty();
            assertThat(openMunicipalDocument.open(reader, UUID.randomUUID(), Locale.JAPANESE)).isEmpty();
            assertThat(answerOpinion.answer(reader, id, FormsTest.opinion()).notFound()).isTrue();
            assertThat(declineOpinion.decline(reader, id, "理由").notFound()).isTrue();
            assertThat(completeOpinion.complete(reader, id).notFound()).isTrue();
            assertThat(printMunicipalDocument.printable(reader, id)).isEmpty();
        }
        assertThat(audit.forPatient(before, s.regionalId())).as("each refusal one row naming the patient").hasSize(15)
                .allMatch(r -> r.contains(" DENY "));
        assertThat(audit.naming(before, id.toString())).as("nothing was granted").noneMatch(r -> r.outcome().equals("PERMIT"));
        assertThat(listMunicipalDocuments.list(other, DocumentKind.OPINION, true)).noneMatch(d -> d.id().equals(id));
        assertThat(listMunicipalDocuments.list(notAsked, DocumentKind.OPINION, false)).noneMatch(d -> d.id().equals(id));
        assertThat(openMunicipalDocument.open(s.doctorReader(), id, Locale.JAPANESE)).as("still there for the doctor asked").isPresent();

        WebSession stranger = accounts.signedIn(port, otherStaff);
        HttpResponse<String> theirs = stranger.get("/portal/municipal/documents/" + id);
        HttpResponse<String> guessed = stranger.get("/portal/municipal/documents/" + UUID.randomUUID());
        HttpResponse<String> garbage = stranger.get("/portal/municipal/documents/not-an-id");
        assertThat(List.of(theirs.statusCode(), guessed.statusCode(), garbage.statusCode())).containsOnly(404);
        assertThat(withoutToken(theirs.body())).isEqualTo(withoutToken(guessed.body()))
                .doesNotContain(s.who().familyKanji());
        assertThat(stranger.getBytes("/portal/municipal/documents/" + id + "/pdf").statusCode()).isEqualTo(404);
        WebSession colleagueWeb = accounts.signedIn(port, colleague);
        colleagueWeb.get("/portal/municipal/opinions/inbox");
        assertThat(colleagueWeb.post("/portal/municipal/documents/" + id + "/decline", "reason", "x").statusCode())
                .isEqualTo(404);
        assertThat(colleagueWeb.post("/portal/municipal/documents/" + id + "/decline", "reason", "x", "confirmed", "yes")
                .statusCode()).isEqualTo(404);
    }

    @Test
    void onlyAMunicipalityWithTheResidentLinkedByCardRequestsAndOnlyFromADoctor() {
        Scene s = scene();
        Facility otherCity = places.municipality();
        Reader unlinked = new Reader(accounts.memberOf(otherCity, Profession.MUNICIPAL_STAFF).id(), otherCity.id());
        long before = audit.max();
        assertThat(requestOpinion.request(unlinked, new MunicipalDocuments.Request(s.person(), s.doctor().id(),
                LocalDate.now().plusDays(7), "NEW", null, null)).notFound()).isTrue();
        assertThat(audit.forPatient(before, s.regionalId())).singleElement().asString().startsWith("CREATE DENY");
        User nurse = accounts.memberOf(s.clinic(), Profession.NURSE);
        assertThat(requestOpinion.request(s.staffReader(), new MunicipalDocuments.Request(s.person(), nurse.id(),
                LocalDate.now().minusDays(1), "OTHER", null, null)).faults()).containsExactly(
                MunicipalDocuments.DOCTOR, MunicipalDocuments.DUE, MunicipalDocuments.APPLICATION);
        long doctors = audit.max();
        assertThat(requestOpinion.request(s.doctorReader(), new MunicipalDocuments.Request(s.person(), s.doctor().id(),
                LocalDate.now().plusDays(7), "NEW", null, null)).notFound()).as("a clinic asks no opinion").isTrue();
        assertThat(audit.forPatient(doctors, s.regionalId())).containsExactly("CREATE DENY " + MunicipalDocuments.NOT_ASKER);
    }

    static String withoutToken(String page) {
        return page.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "").replaceAll("content=\"[^\"]*\"", "");
    }

    private int[] waiting(Reader reader, String id) {
        Optional<Waiting> line = worklist.waitingFor(reader, Instant.now()).stream().filter(w -> w.id().equals(id))
                .findFirst();
        return line.map(w -> new int[] {w.count(), w.overdue()}).orElse(new int[] {0, 0});
    }
}
