package org.musubi.policy;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.assertj.core.api.Assertions;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Purpose;
import org.musubi.consent.ConsentScope;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.LinkMethod;
import org.musubi.identity.Person;
import org.musubi.identity.RegisteredPerson;
import org.musubi.identity.Sex;
import org.musubi.identity.SourcePatient;
import org.musubi.paging.PageRequest;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityDraft;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.FacilityStatus;
import org.musubi.registry.MedicalInstitutionCode;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.TestRegionalIds;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The access policy's rules through HTTP, one test per rule not already proved by the portal and
 * FHIR tests (PatientLinkingIT: consent, link, link end and expiry, blocks, viewing; EmergencyAccessIT:
 * break-the-glass; PixmIT: own facility data). Each asserts the decision's one audit row. The rule for
 * a disabled user is a backstop: sessions and tokens of disabled users end before any decision.
 */
@MusubiIntegrationTest
class PolicyRulesIT extends NetworkFixtures {

    @Autowired
    IdentityStore identities;
    @Autowired
    Facilities facilities;

    @Test
    void aUserDisabledMidSessionIsLoggedOutOnTheNextRequestBeforeAnyDecision() {
        RegisteredPerson person = person();
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        consentAndLink(person, clinic);
        User doctor = accounts.memberOf(clinic, Profession.DOCTOR);
        WebSession web = loggedIn(doctor);
        assertThat(web.get("/portal/patients/" + person.id()).statusCode()).isEqualTo(200);
        long before = audit.max();

        accounts.disable(doctor);
        HttpResponse<String> after = web.get("/portal/patients/" + person.id());

        assertThat(WebSession.location(after)).isEqualTo("/login?disabled");
        // the session is gone: a staff page sends to the login again, and / is the public site every visitor sees
        assertThat(WebSession.location(web.get("/portal/facilities"))).isEqualTo("/login");
        assertThat(web.get("/").body()).contains("id=\"nav-public-login\"").doesNotContain("id=\"patient-list\"");
        assertThat(audit.forPatient(before, person.person().regionalId())).isEmpty();
        assertThat(audit.since(before, doctor.loginId())).containsExactly("LOGOUT PERMIT session ended: account disabled");
    }

    @Test
    void aSuspendedFacilitysUsersAreDeniedOnTheNextRequest() {
        RegisteredPerson person = person();
        Facility clinic = newClinic();
        consentAndLink(person, clinic);
        WebSession web = loggedIn(accounts.memberOf(clinic, Profession.DOCTOR));
        assertThat(web.get("/portal/patients/" + person.id()).statusCode()).isEqualTo(200);
        long before = audit.max();

        facilities.update(clinic.id(), draft(clinic, FacilityStatus.SUSPENDED));
        HttpResponse<String> after = web.get("/portal/patients/" + person.id());

        assertThat(after.statusCode()).isEqualTo(404);
        assertThat(after.body()).doesNotContain("policy.deny").doesNotContain(person.person().regionalId());
        assertThat(audit.forPatient(before, person.person().regionalId()))
                .containsExactly("READ DENY policy.deny.facilitySuspended");
    }

    @Test
    void aProfessionTheMatrixGivesNothingIsDeniedDespiteConsentAndLink() {
        RegisteredPerson person = person();
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        consentAndLink(person, clinic);
        WebSession web = loggedIn(accounts.memberOf(clinic, Profession.MUNICIPAL_STAFF));
        long before = audit.max();

        HttpResponse<String> page = web.get("/portal/patients/" + person.id());

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).doesNotContain("policy.deny");
        assertThat(audit.forPatient(before, person.person().regionalId()))
                .containsExactly("READ DENY policy.deny.categoryNotAllowedForProfession");
    }

    @Test
    void aDisclosureCardConsentShowsOnlyTheIssuingHospitalsData() {
        RegisteredPerson person = person();
        List<Facility> hospitals = facilities.search(null, FacilityKind.HOSPITAL, null, new PageRequest(1, 2)).items();
        Facility issuing = hospitals.get(0);
        Facility other = hospitals.get(1);
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        source(person, issuing, "I");
        source(person, other, "O");
        long admin = accounts.networkAdmin().id();
        consents.grant(person.id(), ConsentScope.ONE_FACILITY, issuing.id(), Set.of(Purpose.TREATMENT), admin, issuing.id());
        consents.link(person.id(), clinic.id(), admin);
        var fhir = clients.fhirFor(port, clinic, "system/Patient.read");
        long before = audit.max();

        Parameters answer = fhir.operation().onType("Patient").named("$ihe-pix").withSearchParameter(Parameters.class,
                "sourceIdentifier", new TokenParam("urn:musubi:regional-id", person.person().regionalId()))
                .useHttpGet().execute();

        assertThat(answer.getParameter().stream().filter(p -> p.getName().equals("targetIdentifier"))
                .map(p -> ((Identifier) p.getValue()).getValue())).containsExactly("I" + person.id());
        assertThat(audit.forPatient(before, person.person().regionalId()))
                .containsExactly("READ PERMIT policy.permit.treatmentConsentAndLink");
    }

    @Test
    void aNetworkAdminOpensAPersonForIdentityManagementOnly() {
        RegisteredPerson person = person();
        WebSession admin = loggedIn(accounts.networkAdmin());
        long before = audit.max();

        HttpResponse<String> page = admin.get("/admin/persons/" + person.id());
        HttpResponse<String> clinical = admin.get("/portal/patients/" + person.id());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(clinical.statusCode()).isEqualTo(404);
        assertThat(audit.forPatient(before, person.person().regionalId())).containsExactly(
                "READ PERMIT policy.permit.operationsDemographics", "READ DENY policy.deny.facilityNotViewing");
    }

    @Test
    void theDeclaredPurposeOfUseDecidesThroughTheFhirApi() {
        RegisteredPerson person = person();
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        consentAndLink(person, clinic);
        var fhir = clients.fhirFor(port, clinic, "system/*.read");
        long before = audit.max();

        for (String purpose : List.of("HRESCH", "PATRQT", "HOPERAT", "ETREAT")) {
            Assertions.assertThatThrownBy(() -> fhir.read()
                    .resource(Patient.class).withId(String.valueOf(person.id()))
                    .withAdditionalHeader("X-Purpose-Of-Use", purpose).execute())
                    .as(purpose).isInstanceOf(ResourceNotFoundException.class);
        }
        var treated = fhir.read().resource(Patient.class).withId(String.valueOf(person.id()))
                .withAdditionalHeader("X-Purpose-Of-Use", "TREAT").execute();

        assertThat(treated.getIdPart()).isEqualTo(String.valueOf(person.id()));
        assertThat(audit.forPatient(before, person.person().regionalId())).containsExactly(
                "READ DENY policy.deny.researchNotThroughRecords", "READ DENY policy.deny.notThePatient",
                "READ DENY policy.deny.notNetworkAdmin", "READ DENY policy.deny.professionNotForEmergency",
                "READ PERMIT policy.permit.treatmentConsentAndLink");
    }

    @Test
    void anOperatorSeesDemographicsButNoClinicalDataForOperations() throws Exception {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        var fhir = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        String localId = FhirRecords.localId();
        FhirRecords.registerPatient(fhir, hospital, localId, "ウンヨウ");
        long person = clients.personOf(hospital, localId);
        String observation = FhirRecords.create(fhir, FhirRecords.lab(hospital, localId,
                FhirRecords.HBA1C, "2024-01-01", 6.0));
        WebSession operator = loggedIn(accounts.networkAdmin());
        long before = audit.max();

        var patient = operator.send(HttpRequest.newBuilder(URI.create(operator.base()
                + "/fhir/Patient/" + person)).header("Accept", "application/fhir+json").header("X-Purpose-Of-Use", "HOPERAT"));
        var clinical = operator.send(HttpRequest.newBuilder(URI.create(operator.base()
                + "/fhir/Observation/" + observation)).header("Accept", "application/fhir+json")
                .header("X-Purpose-Of-Use", "HOPERAT"));

        assertThat(patient.statusCode()).isEqualTo(200);
        assertThat(clinical.statusCode()).as("the reason is the audit trail's, the answer the one 404").isEqualTo(404);
        assertThat(clinical.body()).doesNotContain("Operations access is limited to demographics");
        assertThat(audit.reasons(before, "READ", "Observation")).containsExactly("policy.deny.operationsDemographicsOnly");
    }

    @Test
    void whatAProfessionMayNotSeeReadsAsHiddenNeverAsNone() {
        RegisteredPerson person = person();
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        consentAndLink(person, clinic);
        WebSession careWorker = loggedIn(accounts.memberOf(clinic, Profession.CARE_WORKER));
        WebSession doctor = loggedIn(accounts.memberOf(clinic, Profession.DOCTOR));

        String careHeader = careWorker.get("/portal/patients/" + person.id()).body();
        String careLabs = careWorker.get("/portal/patients/" + person.id() + "/labs").body();
        String doctorHeader = doctor.get("/portal/patients/" + person.id()).body();
        String doctorLabs = doctor.get("/portal/patients/" + person.id() + "/labs").body();

        assertThat(careHeader).contains("id=\"hidden-categories\"").contains("data-category=\"LAB_RESULTS\"")
                .contains("data-category=\"DIAGNOSES\"").doesNotContain("data-category=\"ALLERGIES\"")
                .contains("この職種・閲覧目的では表示されません");
        assertThat(careLabs).contains("id=\"labs-hidden\"").doesNotContain("id=\"labs-empty\"");
        assertThat(doctorHeader).doesNotContain("id=\"hidden-categories\"").contains("記録なし");
        assertThat(doctorLabs).contains("id=\"labs-empty\"").doesNotContain("id=\"labs-hidden\"");
    }

    private RegisteredPerson person() {
        return identities.register(new Person(TestRegionalIds.next(), "規則", "五郎", "キソク", "ゴロウ", Sex.MALE,
                LocalDate.of(1948, 8, 8), "730-0011", "広島市中区基町5-5", "082-555-5555"));
    }

    private void source(RegisteredPerson person, Facility facility, String prefix) {
        SourcePatient stored = identities.receive(new SourcePatient(0, facility.id(), prefix + person.id(), "規則", "五郎",
                "キソク", "ゴロウ", Sex.MALE, LocalDate.of(1948, 8, 8), null, null, null));
        identities.link(stored.id(), person.id(), LinkMethod.OPERATOR, accounts.networkAdmin().id(), "test");
    }

    private void consentAndLink(RegisteredPerson person, Facility facility) {
        long admin = accounts.networkAdmin().id();
        consents.grant(person.id(), ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT), admin, facility.id());
        consents.link(person.id(), facility.id(), admin);
    }

    private Facility newClinic() {
        String code = MedicalInstitutionCode.of(34, 1, 780000 + ThreadLocalRandom.current().nextInt(9999)).value();
        return facilities.insert(new FacilityDraft("規則診療所", "キソクシンリョウジョ", FacilityKind.CLINIC, code, 34,
                "広島市中区", "082-000-0000", true, true, FacilityStatus.ACTIVE));
    }

    private static FacilityDraft draft(Facility f, FacilityStatus status) {
        return new FacilityDraft(f.nameKanji(), f.nameKana(), f.kind(), f.code().value(), f.prefecture(), f.address(),
                f.phone(), f.disclosing(), f.viewing(), status);
    }

    private WebSession loggedIn(User user) {
        return accounts.signedIn(port, user);
    }
}
