package org.musubi.phr;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Purpose;
import org.musubi.consent.Consent;
import org.musubi.consent.ConsentScope;
import org.musubi.consent.Consents;
import org.musubi.consent.PatientLink;
import org.musubi.identity.Person;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.testing.AuditRows;
import org.musubi.testing.FhirHttp;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.WebSession;

/**
 * My sharing over real HTTP: a hospital's patient with a consent and a link to a clinic, registered in the health
 * notebook, sees their consents, links and blocks, and withdraws the consent, blocks the clinic or ends its link, each
 * after a confirmation page. The clinic's doctor in the portal and the clinic's system over FHIR are permitted before
 * and refused (the one 404) on the very next request after; each change leaves exactly one audit row of the resident,
 * self access. Ids that are not the resident's answer like ids nothing has and change nothing; staff never get in.
 */
@MusubiIntegrationTest
class PhrSharingIT extends ResidentFixtures {

    private static final String FHIR_JSON = "application/fhir+json";

    private long operator;
    private Facility hospital;
    private Facility clinic;
    private long personId;
    private Person person;
    private Consent consent;
    private String loginId;
    private WebSession resident;
    private WebSession doctor;
    private FhirHttp clinicSystem;

    @BeforeEach
    void aHospitalPatientWithConsentLinkedToAClinicWhoUsesTheNotebook() {
        operator = accounts.networkAdmin().id();
        hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        clinic = accounts.facilityOf(FacilityKind.CLINIC);
        personId = patientOf(hospital, "キョウユウ");
        person = identities.person(personId).orElseThrow().person();
        consent = consents.grant(personId, ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT, Purpose.EMERGENCY),
                operator, hospital.id());
        consents.link(personId, clinic.id(), operator);
        Residents.Resident registered = residents.register(personId,
                cards.regional(operator, personId), person.birthDate());
        loginId = registered.account().loginId();
        resident = residents.logIn(port, registered);
        doctor = accounts.signedIn(port, accounts.memberOf(clinic, Profession.DOCTOR));
        clinicSystem = new FhirHttp(port, clients.token(port, clients.register(clinic, "system/*.read")));
    }

    @Test
    void thePageListsTheConsentsTheLinkedAndTheBlockedFacilitiesAndReadingItIsOneAuditedRead() {
        Facility pharmacy = accounts.facilityOf(FacilityKind.PHARMACY);
        consents.block(personId, pharmacy.id(), operator);
        Consent disclosure = consents.grant(personId, ConsentScope.ONE_FACILITY, hospital.id(), Set.of(Purpose.RESEARCH),
                operator, hospital.id());
        consents.withdraw(disclosure.id(), operator);
        long before = audit.max();

        HttpResponse<String> page = resident.get("/phr/sharing");

        assertThat(page.statusCode()).isEqualTo(200);
        String body = page.body();
        assertThat(body).contains("data-consent=\"" + consent.id() + "\" data-active=\"true\"")
                .contains("すべての参加施設のデータ").containsPattern("<span>診療、</span><span>救急</span>")
                .contains("data-consent=\"" + disclosure.id() + "\" data-active=\"false\"")
                .contains(hospital.nameKanji() + " のデータのみ（開示カード）").contains("<span>研究</span>").contains("撤回済み（");
        assertThat(body).contains("data-facility=\"" + clinic.id() + "\" data-open=\"true\"").contains(clinic.nameKanji())
                .contains("<span class=\"kind\">診療所</span>").contains("連携中")
                .contains("href=\"/phr/sharing/links/" + clinic.id() + "/end/confirm\"");
        assertThat(body).contains("data-blocked=\"" + pharmacy.id() + "\"").contains(pharmacy.nameKanji())
                .contains("<span class=\"kind\">薬局</span>")
                .contains("href=\"/phr/sharing/blocks/" + pharmacy.id() + "/remove/confirm\"");
        assertThat(blockChoices(body)).as("the linked clinic and the hospital holding data, not the blocked pharmacy")
                .containsExactlyInAnyOrder(String.valueOf(clinic.id()), String.valueOf(hospital.id()));
        assertThat(audit.forPatient(before, person.regionalId())).as("reading one's sharing is one audited read")
                .containsExactly("READ PERMIT policy.permit.patientSelfAccess");
        assertThat(resident.get("/phr").body()).contains("id=\"menu-sharing\" href=\"/phr/sharing\"");
        assertThat(resident.get("/phr/sharing?lang=en").body()).as("in English").contains("Sharing your record")
                .contains("Data of all participating facilities").contains("<span>Treatment, </span><span>Emergency</span>")
                .contains("<span class=\"kind\">Clinic</span>").contains("Withdrawn (");
    }

    @Test
    void withdrawingTheConsentRefusesTheLinkedClinicOnTheNextRequestInThePortalAndOverFhir() {
        assertClinicSees(true);
        HttpResponse<String> confirm = resident.get("/phr/sharing/consents/" + consent.id() + "/withdraw/confirm");
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("data-change=\"withdraw\"").contains("次の同意を撤回します。")
                .contains("すべての参加施設のデータ").contains("action=\"/phr/sharing/consents/" + consent.id() + "/withdraw\"");
        assertThat(consents.of(personId)).as("confirming shows, changes nothing").allMatch(Consent::active);
        long before = audit.max();

        HttpResponse<String> done = resident.post("/phr/sharing/consents/" + consent.id() + "/withdraw");

        assertThat(WebSession.location(done)).isEqualTo("/phr/sharing");
        assertOneRow(before, "UPDATE", "withdrawn", "Consent", consent.id());
        assertThat(consents.of(personId)).noneMatch(Consent::active);
        assertClinicSees(false);
        assertThat(resident.get("/phr/sharing").body()).contains("id=\"done\"").contains("同意を撤回しました")
                .contains("data-consent=\"" + consent.id() + "\" data-active=\"false\"");
    }

    @Test
    void blockingTheClinicRefusesItOnTheNextRequestAndLiftingTheBlockRestoresIt() {
        assertClinicSees(true);
        HttpResponse<String> confirm = resident.get("/phr/sharing/block/confirm?facilityId=" + clinic.id());
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("data-change=\"block\"").contains(clinic.nameKanji())
                .contains("name=\"facilityId\" value=\"" + clinic.id() + "\"");
        assertThat(consents.blockedFacilities(personId)).isEmpty();
        long before = audit.max();

        HttpResponse<String> done = resident.post("/phr/sharing/block", "facilityId", String.valueOf(clinic.id()));

        assertThat(WebSession.location(done)).isEqualTo("/phr/sharing");
        assertOneRow(before, "FACILITY_BLOCK", "blocked at the person's request", "Facility", clinic.id());
        assertClinicSees(false);
        assertThat(resident.get("/phr/sharing").body()).contains("data-blocked=\"" + clinic.id() + "\"");

        assertThat(resident.get("/phr/sharing/blocks/" + clinic.id() + "/remove/confirm").body())
                .contains("data-change=\"unblock\"").contains(clinic.nameKanji());
        long lifting = audit.max();
        assertThat(WebSession.location(resident.post("/phr/sharing/blocks/" + clinic.id() + "/remove")))
                .isEqualTo("/phr/sharing");
        assertOneRow(lifting, "FACILITY_UNBLOCK", "block lifted at the person's request", "Facility", clinic.id());
        assertClinicSees(true);
    }

    @Test
    void endingTheClinicsLinkRefusesItOnTheNextRequest() {
        assertClinicSees(true);
        HttpResponse<String> confirm = resident.get("/phr/sharing/links/" + clinic.id() + "/end/confirm");
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("data-change=\"end\"").contains(clinic.nameKanji())
                .contains("action=\"/phr/sharing/links/" + clinic.id() + "/end\"");
        assertThat(consents.links(personId)).allMatch(PatientLink::open);
        long before = audit.max();

        HttpResponse<String> done = resident.post("/phr/sharing/links/" + clinic.id() + "/end");

        assertThat(WebSession.location(done)).isEqualTo("/phr/sharing");
        assertOneRow(before, "PATIENT_UNLINK", "ended at the person's request", "Facility", clinic.id());
        assertClinicSees(false);
        assertThat(resident.get("/phr/sharing").body()).contains("data-facility=\"" + clinic.id() + "\" data-open=\"false\"")
                .doesNotContain("/phr/sharing/links/" + clinic.id() + "/end/confirm");
    }

    @Test
    void anotherPersonsConsentOrAFacilityThatIsNotTheResidentsAnswersLikeNothingAndChangesNothing() {
        Facility pharmacy = accounts.facilityOf(FacilityKind.PHARMACY);
        long other = patientOf(hospital, "タニン");
        Consent othersConsent = consents.grant(other, ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT),
                operator, hospital.id());
        consents.link(other, pharmacy.id(), operator);
        consents.block(other, pharmacy.id(), operator);
        Consents.Standing othersBefore = consents.standing(other);
        Consents.Standing ownBefore = consents.standing(personId);
        String absent = "987654321987";
        List<String[]> attempts = List.of(
                new String[] {"/phr/sharing/consents/%s/withdraw", String.valueOf(othersConsent.id())},
                new String[] {"/phr/sharing/blocks/%s/remove", String.valueOf(pharmacy.id())},
                new String[] {"/phr/sharing/links/%s/end", String.valueOf(pharmacy.id())});

        for (String[] attempt : attempts) {
            String theirs = attempt[0].formatted(attempt[1]);
            String nothing = attempt[0].formatted(absent);
            assertAlike(theirs + "/confirm", resident.get(theirs + "/confirm"), resident.get(nothing + "/confirm"));
            long before = audit.max();
            HttpResponse<String> refused = resident.post(theirs);
            assertThat(audit.rows(before, loginId)).as(theirs + ": one refusal, audited").singleElement()
                    .satisfies(row -> assertThat(row.outcome()).isEqualTo("DENY"))
                    .satisfies(row -> assertThat(row.patientId()).isEqualTo(person.regionalId()));
            assertAlike(theirs, refused, resident.post(nothing));
        }
        assertAlike("block", resident.post("/phr/sharing/block", "facilityId", String.valueOf(pharmacy.id())),
                resident.post("/phr/sharing/block", "facilityId", absent));
        assertAlike("block confirm", resident.get("/phr/sharing/block/confirm?facilityId=" + pharmacy.id()),
                resident.get("/phr/sharing/block/confirm?facilityId=" + absent));

        assertThat(consents.standing(other)).as("the other person's sharing is untouched").isEqualTo(othersBefore);
        assertThat(consents.standing(personId)).as("and so is the resident's").isEqualTo(ownBefore);
        assertClinicSees(true);
    }

    @Test
    void staffSessionsAreRefusedAndChangeNothing() {
        for (WebSession staff : List.of(doctor, operatorSession())) {
            assertThat(staff.get("/phr/sharing").statusCode()).isEqualTo(403);
            assertThat(staff.get("/phr/sharing/consents/" + consent.id() + "/withdraw/confirm").statusCode()).isEqualTo(403);
            assertThat(staff.post("/phr/sharing/consents/" + consent.id() + "/withdraw").statusCode()).isEqualTo(403);
            assertThat(staff.post("/phr/sharing/links/" + clinic.id() + "/end").statusCode()).isEqualTo(403);
        }
        assertThat(new WebSession(port).get("/phr/sharing").statusCode()).as("nobody signed in").isIn(302, 401);
        assertThat(consents.of(personId)).allMatch(Consent::active);
        assertThat(consents.links(personId)).allMatch(PatientLink::open);
        assertClinicSees(true);
    }

    /** The clinic's doctor's patient page and the clinic's system's read of the person: both shown, or both the 404. */
    private void assertClinicSees(boolean sees) {
        int status = sees ? 200 : 404;
        assertThat(doctor.get("/portal/patients/" + personId).statusCode()).as("the clinic's doctor in the portal")
                .isEqualTo(status);
        assertThat(clinicSystem.get("Patient/" + personId, FHIR_JSON).statusCode()).as("the clinic's system over FHIR")
                .isEqualTo(status);
    }

    /** Exactly one audit row since {@code before}, the resident's, self access, naming the person and what changed. */
    private void assertOneRow(long before, String action, String reason, String type, long id) {
        assertThat(audit.rowsSince(before)).singleElement().isEqualTo(new AuditRows.Row(action, "PERMIT",
                person.regionalId(), "PATIENT_SELF_ACCESS", reason, type, List.of(String.valueOf(id))));
        assertThat(audit.rows(before, loginId)).hasSize(1);
    }

    private static void assertAlike(String what, HttpResponse<String> theirs, HttpResponse<String> nothing) {
        assertThat(theirs.statusCode()).as(what).isEqualTo(404);
        assertThat(nothing.statusCode()).as(what).isEqualTo(404);
        assertThat(withoutCsrf(theirs.body())).as(what + ": the same page as for nothing").isEqualTo(withoutCsrf(nothing.body()))
                .contains("id=\"phr-not-found\"");
    }

    private long patientOf(Facility facility, String kana) {
        IGenericClient api = clients.fhirFor(port, facility, "system/*.read", "system/*.write");
        String localId = FhirRecords.localId();
        FhirRecords.registerPatient(api, facility, localId, kana);
        return clients.personOf(facility, localId);
    }

    private WebSession operatorSession() {
        WebSession web = accounts.signedIn(port, accounts.networkAdmin());
        web.get("/");
        return web;
    }

    private static List<String> blockChoices(String body) {
        int form = body.indexOf("id=\"block-form\"");
        return form < 0 ? List.of() : Pattern.compile("<option value=\"(\\d+)\"")
                .matcher(body.substring(form)).results().map(m -> m.group(1)).toList();
    }

    /** A page without its CSRF token, which is masked anew on every answer. */
    private static String withoutCsrf(String body) {
        return body.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
    }
}
