package org.musubi.attack;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Purpose;
import org.musubi.consent.ConsentScope;
import org.musubi.disaster.DisasterScenes;
import org.musubi.disaster.SwitchDisasterMode;
import org.musubi.emergency.Crews;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.Person;
import org.musubi.identity.cards.IssueCard;
import org.musubi.identity.cards.IssuedCard;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 37: an automatic match grants no standing. Clinic B, which has no link and no consent-based access, registers
 * a look-alike Patient of hospital A's patient (the name, kana, sex, birth date, phone and address a referral letter
 * carries), and 名寄せ links it to the person at once. Each finding of the outside attack is asked again here; each
 * test failed on the code before the fix:
 * <ol>
 *   <li>the notebook takeover: B's doctor issued a notebook registration code, and the card's number with the birth
 *       date (no check code) registered over the resident's account;</li>
 *   <li>the disaster-area move: B's look-alike with an address inside the disaster area put the person there;</li>
 *   <li>the regional id in answers: PIXm, PDQm and the Patient answered B's own look-alike with the person's id and
 *       regional ID (a membership oracle, and the key of every call about the person);</li>
 *   <li>the card throttle: its answer told a real card number from a made-up one, and B's failures stopped the card's
 *       holder at every other facility;</li>
 *   <li>a paramedic with the card in hand linked the fire department to the person.</li>
 * </ol>
 */
@MusubiIntegrationTest
class MatchOnlyAttackIT extends NetworkFixtures {

    @Autowired
    IdentityStore identities;
    @Autowired
    IssueCard issueCard;
    @Autowired
    DisasterScenes scenes;
    @Autowired
    SwitchDisasterMode switching;
    @Autowired
    Crews crews;

    private final String city = DisasterScenes.uniqueCity();

    @AfterEach
    void switchOff() {
        scenes.cleanUp(switching, city);
    }

    /** Hospital A's patient with a consent for every facility and a regional card, and B's look-alike of them. */
    private record Scene(Facility hospital, Facility clinic, long personId, Person person, IssuedCard card,
                         String clinicLocal, IGenericClient clinicApi) {
    }

    private Scene lookAlike(String address) {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        IGenericClient hospitalApi = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        String hospitalLocal = FhirRecords.localId();
        Patient real = FhirRecords.withKanjiName(FhirRecords.newPatient(hospital, hospitalLocal, "ミカケ"), "見掛", "花子");
        real.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE)
                .setValue("082-" + (100 + ThreadLocalRandom.current().nextInt(900)) + "-"
                        + (1000 + ThreadLocalRandom.current().nextInt(9000)));
        real.addAddress().setText("広島県" + DisasterScenes.uniqueCity() + "本町1-2-3");
        hospitalApi.create().resource(real).execute();
        long personId = personOf(hospital, hospitalLocal);
        consents.grant(personId, ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT, Purpose.EMERGENCY),
                accounts.networkAdmin().id(), hospital.id());
        IssuedCard card = issueCard.regional(0, personId);

        IGenericClient clinicApi = clients.fhirFor(port, clinic, "system/*.read", "system/*.write");
        String clinicLocal = FhirRecords.localId();
        Patient copy = real.copy();
        copy.getIdentifier().clear();
        copy.addIdentifier().setSystem(FhirRecords.patientSystem(clinic)).setValue(clinicLocal);
        if (address != null) {
            copy.getAddress().clear();
            copy.addAddress().setText(address);
        }
        clinicApi.create().resource(copy).execute();
        assertThat(personOf(clinic, clinicLocal)).as("名寄せ linked the look-alike to the person").isEqualTo(personId);
        return new Scene(hospital, clinic, personId, identities.person(personId).orElseThrow().person(), card,
                clinicLocal, clinicApi);
    }

    private long personOf(Facility facility, String localId) {
        return identities.sourcePatient(facility.id(), localId).flatMap(s -> identities.personOf(s.id())).orElseThrow();
    }

    private WebSession signedIn(User user) {
        return accounts.signedIn(port, user);
    }

    @Test
    void aLookAlikeGivesNoNotebookCodeAndTheCardNumberWithTheBirthDateRegistersNothing() {
        Scene s = lookAlike(null);
        WebSession doctor = signedIn(accounts.memberOf(s.clinic(), Profession.DOCTOR));
        doctor.get("/");
        long before = audit.max();

        HttpResponse<String> code = doctor.post("/portal/patients/" + s.personId() + "/phr-code");
        HttpResponse<String> nobody = doctor.post("/portal/patients/" + (s.personId() + 987_654) + "/phr-code");

        assertThat(code.statusCode()).as("no code for a look-alike").isEqualTo(404);
        assertThat(code.body().replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "")).as("the answer for nobody")
                .isEqualTo(nobody.body().replaceAll("name=\"_csrf\" value=\"[^\"]*\"", ""));
        assertThat(jdbc.sql("SELECT count(*) FROM phr_registration_code WHERE person_id = ?").param(s.personId())
                .query(Long.class).single()).isZero();
        assertThat(audit.forPatient(before, s.person().regionalId())).singleElement().asString()
                .startsWith("PHR_CODE_ISSUE DENY ");

        // even with a code the operator issued, the card's number and the birth date are not a proof of the card
        WebSession operator = signedIn(accounts.networkAdmin());
        operator.get("/admin/persons/" + s.personId());
        String issued = codeOn(operator.post("/admin/persons/" + s.personId() + "/phr-code"));
        WebSession attacker = new WebSession(port).withHeader("X-Forwarded-For", "198.51.100.91");
        attacker.get("/phr/register");
        HttpResponse<String> proof = attacker.post("/phr/register", "card", s.card().card().number(),
                "birthDate", s.person().birthDate().toString(), "code", issued);
        assertThat(proof.statusCode()).as("no check code: not proven").isEqualTo(200);
        assertThat(proof.body()).contains("id=\"register-error\"").doesNotContain(s.person().givenKanji());
    }

    @Test
    void aLookAlikeWithAnAddressInsideTheDisasterAreaDoesNotBringThePersonThere() {
        Scene s = lookAlike("広島県" + city + "本町9-9-9");
        WebSession admin = scenes.admin(port);
        WebSession responder = scenes.staff(port, scenes.responderFacility(admin), Profession.DOCTOR);
        scenes.switchOn(admin, city);
        long before = audit.max();

        HttpResponse<String> found = DisasterScenes.findByName(responder, s.person());

        assertThat(found.body()).contains("data-key=\"emergency.notFound\"").doesNotContain(s.person().givenKana());
        assertThat(audit.forPatient(before, s.person().regionalId()))
                .containsExactly("EMERGENCY_LOOKUP DENY name, birth date and sex: policy.deny.outsideDisasterMode");
    }

    @Test
    void aLookAlikeIsAnsweredWithTheClinicsOwnIdentifiersNeverThePersonsId() {
        Scene s = lookAlike(null);
        RawApi raw = new RawApi(port, clients.token(port, clients.register(s.clinic(), "system/*.read")));
        String own = FhirRecords.patientSystem(s.clinic()) + "%7C" + s.clinicLocal();

        HttpResponse<String> pix = raw.get("Patient/$ihe-pix?sourceIdentifier=" + own);
        HttpResponse<String> pdq = raw.get("Patient?identifier=" + own);
        HttpResponse<String> read = raw.get("Patient/" + s.personId());
        HttpResponse<String> everything = raw.get("Patient/" + s.personId() + "/$everything");
        HttpResponse<String> search = raw.get("Observation?patient=Patient/" + s.personId());

        String id = String.valueOf(s.personId());
        assertThat(pix.statusCode()).as(pix.body()).isEqualTo(200);
        assertThat(pdq.statusCode()).isEqualTo(200);
        for (HttpResponse<String> answer : List.of(pix, pdq)) {
            assertThat(answer.body()).as(answer.request().uri().toString()).doesNotContain(s.person().regionalId())
                    .doesNotContain(id).doesNotContain(s.card().card().number());
        }
        for (HttpResponse<String> answer : List.of(read, everything, search)) {
            assertThat(answer.body().replace(id, "{asked}")).as(answer.request().uri().toString())
                    .doesNotContain(s.clinicLocal()).doesNotContain("見掛");
        }
        assertThat(pdq.body()).as("its own patient, as it sent it").contains(s.clinicLocal()).contains("見掛");
        assertThat(read.statusCode()).as("the person's id is not the clinic's to use").isEqualTo(404);
        assertThat(everything.statusCode()).isEqualTo(404);
        assertThat(search.body()).contains("\"total\":0");
    }

    @Test
    void theCardThrottleAnswersAlikeForAnyNumberAndStopsOnlyTheFacilityThatFailed() {
        Scene s = lookAlike(null);
        String kana = s.person().familyKana() + s.person().givenKana();
        String birth = s.person().birthDate().toString();
        WebSession real = signedIn(accounts.memberOf(s.clinic(), Profession.DOCTOR));
        WebSession madeUp = signedIn(accounts.memberOf(s.clinic(), Profession.NURSE));
        real.get("/portal/link");
        madeUp.get("/portal/link");
        String made = "1234 5678 9012 3456";
        for (int i = 0; i < 5; i++) {
            real.post("/portal/link", "card", s.card().card().number(), "checkCode", "ABCD-EFGH", "kanaName", kana,
                    "birthDate", birth);
            madeUp.post("/portal/link", "card", made, "checkCode", "ABCD-EFGH", "kanaName", kana, "birthDate", birth);
        }

        HttpResponse<String> sixthReal = real.post("/portal/link", "card", s.card().card().number(), "checkCode",
                "ABCD-EFGH", "kanaName", kana, "birthDate", birth);
        HttpResponse<String> sixthMadeUp = madeUp.post("/portal/link", "card", made, "checkCode", "ABCD-EFGH",
                "kanaName", kana, "birthDate", birth);

        assertThat(errorOf(sixthReal.body())).as("a real number, throttled").isEqualTo("link.throttled");
        assertThat(errorOf(sixthMadeUp.body())).as("a made-up number, the same answer").isEqualTo(errorOf(sixthReal.body()));

        // the card's holder is not stopped at another facility's counter by the clinic's failures
        WebSession counter = signedIn(accounts.memberOf(s.hospital(), Profession.MEDICAL_CLERK));
        counter.get("/portal/link");
        HttpResponse<String> linked = counter.post("/portal/link", "card", s.card().qrPayload(), "kanaName", kana,
                "birthDate", birth);
        assertThat(WebSession.location(linked)).as(linked.body()).isEqualTo("/portal/patients/" + s.personId());
    }

    @Test
    void aParamedicWithTheCardInHandCannotLinkTheFireDepartment() {
        Scene s = lookAlike(null);
        User paramedic = crews.paramedic();
        WebSession web = signedIn(paramedic);
        web.get("/portal/link");
        long before = audit.max();

        HttpResponse<String> link = web.post("/portal/link", "card", s.card().qrPayload(), "kanaName",
                s.person().familyKana() + s.person().givenKana(), "birthDate", s.person().birthDate().toString());

        assertThat(errorOf(link.body())).isEqualTo("link.crew");
        assertThat(consents.links(s.personId())).as("no link, no standing").isEmpty();
        assertThat(audit.since(before, paramedic.loginId())).containsExactly("PATIENT_LINK DENY link.crew: ambulance crews do not link");
    }

    private static final Pattern CODE = Pattern.compile("id=\"registration-code\">([A-Z0-9-]+)<");
    private static final Pattern ERROR = Pattern.compile("data-key=\"(link\\.[^\"]+)\"");

    private static String codeOn(HttpResponse<String> slip) {
        Matcher m = CODE.matcher(slip.body());
        assertThat(m.find()).as("the slip shows the code: " + slip.statusCode()).isTrue();
        return m.group(1).strip();
    }

    /** Which answer the link page gave, by its message key (or, on pages that do not carry one, by its text). */
    private static String errorOf(String body) {
        Matcher m = ERROR.matcher(body);
        if (m.find()) {
            return m.group(1);
        }
        return body.contains("いずれかが一致しません") ? "link.proof.mismatch" : body.contains("失敗が続いたため")
                ? "link.throttled" : body.contains("救急隊") ? "link.crew" : "(none)";
    }
}
