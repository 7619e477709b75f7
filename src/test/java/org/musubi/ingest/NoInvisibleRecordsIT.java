package org.musubi.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.RegisteredPerson;
import org.musubi.identity.SourcePatient;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.testing.FhirClients;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.TestAccounts;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 38, finding 1 and "no accepted record is invisible": a pharmacy's JAHIS notebook that leaves 氏名カナ empty (as
 * the JAHIS specification's own examples do) for a patient nobody else has sent yet. Before, the file was accepted, the
 * patient went to the 名寄せ review queue shown as {@code null null (1958-03-03)}, "register as a new patient" was
 * refused for lack of kana, there was no candidate to link, the uploader was told nothing, and the dispensings were
 * stored where no one could ever see them. Now the uploader and the operator are told, the operator registers the
 * patient by kanji name, sex and birth date, and a patient with kana arriving later from another source finds them —
 * or, while they still wait, makes them match again.
 */
@MusubiIntegrationTest
class NoInvisibleRecordsIT {

    private static final Charset SHIFT_JIS = Charset.forName("windows-31j");
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort int port;
    @Autowired FhirClients clients;
    @Autowired Facilities facilities;
    @Autowired TestAccounts accounts;
    @Autowired IdentityStore identities;
    @Autowired JdbcClient jdbc;

    /** A person only this test has: kanji name, sex, birth date (no kana in the pharmacy's file). */
    private record Someone(String familyKanji, String givenKanji, String givenKana, String birth) {

        static Someone fresh() {
            String given = "" + "一二三四五六七八九十百千万".charAt(ThreadLocalRandom.current().nextInt(13))
                    + "子美恵代江".charAt(ThreadLocalRandom.current().nextInt(5)) + "乃佳奈".charAt(ThreadLocalRandom.current()
                    .nextInt(3));
            String kana = FhirRecords.uniqueKana();
            LocalDate born = FhirRecords.uniqueBirthDate();
            return new Someone("無仮名", given, kana, born.toString());
        }

        String jahisBirth() {
            return birth.replace("-", "");
        }
    }

    /** The pharmacy's notebook as its system writes it: Shift_JIS, CRLF, 氏名カナ (field 11) empty. */
    private static byte[] notebook(Someone p) {
        return (String.join("\r\n", "JAHISTC08,1", "1," + p.familyKanji() + "　" + p.givenKanji() + ",2," + p.jahisBirth()
                        + ",,,,,,,", "5,20260110,1", "11,無仮名薬局,34,4,1234567,,,082-000-0000,1",
                "201,1,アムロジピン錠５ｍｇ,1,錠,4,2171022F1021,1", "301,1,朝食後,28,日分,1,1,,1") + "\r\n")
                .getBytes(SHIFT_JIS);
    }

    @Test
    void aNotebookWithoutKanaIsToldToTheUploaderAndTheOperatorWhoRegistersThePatientByKanji() throws Exception {
        Someone someone = Someone.fresh();
        Facility pharmacy = ImportFacilities.fresh(facilities, FacilityKind.PHARMACY, "無仮名薬局");
        String token = clients.token(port, clients.register(pharmacy, "system/*.write"));

        HttpResponse<String> upload = post("/import/jahis?name=okusuri.txt", token, notebook(someone));

        assertThat(upload.statusCode()).isEqualTo(200);
        SourcePatient waiting = jdbc.sql("SELECT id FROM source_patient WHERE facility_id = ?").param(pharmacy.id())
                .query(Long.class).list().stream().map(id -> identities.sourcePatient(id).orElseThrow()).findFirst()
                .orElseThrow();
        assertThat(identities.personOf(waiting.id())).as("no person to link: nobody has sent this patient").isEmpty();
        assertThat(upload.body()).as("the uploader is told which of its patients wait, and why")
                .contains("\"patientsWaitingForReview\":[{\"localId\":\"" + waiting.localId() + "\",\"inReview\":true}]")
                .contains("名寄せ確認待ち");

        WebSession operator = new WebSession(port);
        accounts.logIn(operator, accounts.networkAdmin());
        String batch = find(Pattern.compile("\"batch\":(\\d+)"), upload.body());
        HttpResponse<String> batchPage = operator.get("/admin/imports/" + batch);
        long review = jdbc.sql("SELECT id FROM match_review WHERE source_patient_id = ? AND status = 'OPEN'")
                .param(waiting.id()).query(Long.class).single();
        assertThat(batchPage.body()).contains("id=\"needs-waiting\"").contains("data-local-id=\"" + waiting.localId() + "\"")
                .contains("/admin/matching/" + review);
        long before = jdbc.sql("SELECT count(*) FROM match_review WHERE status = 'OPEN' AND id < ?").param(review)
                .query(Long.class).single();
        HttpResponse<String> queue = operator.get("/admin/matching?page=" + (before / 20 + 1));
        assertThat(queue.body()).contains(someone.familyKanji() + " " + someone.givenKanji()).contains("（カナ氏名なし）")
                .doesNotContain("null null");
        HttpResponse<String> detail = operator.get("/admin/matching/" + review);
        assertThat(detail.body()).contains("id=\"kana-missing\"").contains(someone.birth()).contains("女性")
                .doesNotContain("null");

        HttpResponse<String> registered = operator.post("/admin/matching/" + review + "/new-person");

        assertThat(WebSession.location(registered)).startsWith("/admin/matching");
        long person = identities.personOf(waiting.id()).orElseThrow();
        RegisteredPerson made = identities.person(person).orElseThrow();
        assertThat(made.person().familyKanji()).isEqualTo(someone.familyKanji());
        assertThat(made.person().familyKana()).as("kana stays empty until a source sends it").isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM resource WHERE patient_key = ? AND type = 'MedicationDispense'")
                .param(waiting.id()).query(Long.class).single()).as("the dispensings are the person's now").isEqualTo(1);

        // a hospital sends the same person with kana: 名寄せ finds the kana-less person as its candidate (names, birth
        // date and sex alone are not enough to link by themselves), the operator links them, and the kana is filled in
        var hospital = accounts.newHospital();
        var api = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        String local = FhirRecords.localId();
        api.create().resource(withKana(hospital, local, someone)).execute();
        long hospitalPatient = identities.sourcePatient(hospital.id(), local).orElseThrow().id();
        long second = openReviewOf(hospitalPatient);
        assertThat(candidatesOf(second)).as("the person registered without kana is the candidate").contains(person);

        operator.get("/admin/matching/" + second);
        operator.post("/admin/matching/" + second + "/link", "personId", String.valueOf(person));

        assertThat(identities.personOf(hospitalPatient)).contains(person);
        assertThat(identities.person(person).orElseThrow().person().givenKana()).as("the kana the hospital sent")
                .isEqualTo(someone.givenKana());
        assertThat(jdbc.sql("SELECT count(*) FROM person_match_key WHERE person_id = ? AND key LIKE 'L%'").param(person)
                .query(Long.class).single()).as("no longer a kana-less person's key").isZero();
    }

    @Test
    void aWaitingPatientWithoutKanaIsMatchedAgainWhenThePersonArrivesWithKanaFromAnotherSource() throws Exception {
        Someone someone = Someone.fresh();
        Facility pharmacy = ImportFacilities.fresh(facilities, FacilityKind.PHARMACY, "待機薬局");
        String token = clients.token(port, clients.register(pharmacy, "system/*.write"));
        assertThat(post("/import/jahis?name=okusuri.txt", token, notebook(someone)).statusCode()).isEqualTo(200);
        long waiting = jdbc.sql("SELECT id FROM source_patient WHERE facility_id = ?").param(pharmacy.id())
                .query(Long.class).single();
        assertThat(identities.personOf(waiting)).isEmpty();

        var hospital = accounts.newHospital();
        var api = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        String local = FhirRecords.localId();
        api.create().resource(withKana(hospital, local, someone)).execute();

        long person = clients.personOf(hospital, local);
        assertThat(jdbc.sql("SELECT status FROM match_review WHERE source_patient_id = ? ORDER BY id")
                .param(waiting).query(String.class).list()).as("the waiting review closed, the patient matched again")
                .containsExactly("REMATCHED", "OPEN");
        assertThat(candidatesOf(openReviewOf(waiting))).as("now with the person as its candidate").containsExactly(person);
    }

    @Test
    void aNotebookWithoutKanaFindsThePersonItBelongsToByKanjiSexAndBirthDate() throws Exception {
        Someone someone = Someone.fresh();
        var hospital = accounts.newHospital();
        var api = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        String local = FhirRecords.localId();
        api.create().resource(withKana(hospital, local, someone)).execute();
        long person = clients.personOf(hospital, local);
        Facility pharmacy = ImportFacilities.fresh(facilities, FacilityKind.PHARMACY, "照合薬局");
        String token = clients.token(port, clients.register(pharmacy, "system/*.write"));

        HttpResponse<String> upload = post("/import/jahis?name=okusuri.txt", token, notebook(someone));

        long source = jdbc.sql("SELECT id FROM source_patient WHERE facility_id = ?").param(pharmacy.id())
                .query(Long.class).single();
        assertThat(candidatesOf(openReviewOf(source))).as("found by kanji, sex and birth date although the file has no kana")
                .containsExactly(person);
        assertThat(upload.body()).contains("\"inReview\":true");
    }

    private long openReviewOf(long sourcePatient) {
        return jdbc.sql("SELECT id FROM match_review WHERE source_patient_id = ? AND status = 'OPEN'")
                .param(sourcePatient).query(Long.class).single();
    }

    private List<Long> candidatesOf(long review) {
        return jdbc.sql("SELECT person_id FROM match_review_candidate WHERE review_id = ?").param(review)
                .query(Long.class).list();
    }

    private static Patient withKana(Facility hospital, String local, Someone p) {
        Patient patient = FhirRecords.withKanjiName(FhirRecords.newPatient(hospital, local, "ムカナ"),
                p.familyKanji(), p.givenKanji());
        patient.getName().get(1).getGiven().clear();
        patient.getName().get(1).addGiven(p.givenKana());
        patient.setBirthDateElement(new DateType(p.birth()));
        return patient;
    }

    private HttpResponse<String> post(String path, String token, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "text/plain").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return m.group(1);
    }
}
