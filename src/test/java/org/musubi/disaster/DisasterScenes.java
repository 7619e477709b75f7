package org.musubi.disaster;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.net.http.HttpResponse;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Set;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.musubi.audit.Purpose;
import org.musubi.consent.ConsentScope;
import org.musubi.consent.Consents;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.Person;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityDraft;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.FacilityStatus;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.AuditRows;
import org.musubi.testing.FhirClients;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.TestAccounts;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Disaster-mode scenes for the tests over HTTP: a municipality no other test uses, a hospital's patient living there
 * (address on the FHIR Patient, an allergy and a medicine as markers, the consent asked for), a responder facility
 * designated by the operator on the facility page, and switching disaster mode on and off through the operator's page
 * with its confirmation step.
 */
@Component
public class DisasterScenes {

    /** A hospital's patient: the person, their regional ID and what the look-up by name needs, and the markers. */
    public record Resident(long personId, String regionalId, Person person, Facility facility, String localId,
                           String allergy, String medicine) {
    }

    private final TestAccounts accounts;
    private final FhirClients clients;
    private final IdentityStore identities;
    private final Consents consents;
    private final Facilities facilities;
    private final DisasterMode mode;
    @Autowired
    private AuditRows audit;

    DisasterScenes(TestAccounts accounts, FhirClients clients, IdentityStore identities, Consents consents,
                   Facilities facilities, DisasterMode mode) {
        this.accounts = accounts;
        this.clients = clients;
        this.identities = identities;
        this.consents = consents;
        this.facilities = facilities;
        this.mode = mode;
    }

    /** A municipality name no other test (or real place) has, in 広島県. */
    public static String uniqueCity() {
        return "試験" + FhirRecords.uniqueKana() + "市";
    }

    /** A patient of {@code hospital} living at {@code address} (null: none), with the consents for {@code purposes}. */
    public Resident residentOf(int port, Facility hospital, String address, Set<Purpose> purposes) {
        IGenericClient api = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        String localId = FhirRecords.localId();
        Patient patient = FhirRecords.newPatient(hospital, localId, "サイガイ");
        if (address != null) {
            patient.addAddress().setText(address);
        }
        FhirRecords.create(api, patient);
        long personId = clients.personOf(hospital, localId);
        String unique = FhirRecords.uniqueKana();
        Reference subject = new Reference("Patient?identifier=" + FhirRecords.patientSystem(hospital) + "|" + localId);
        AllergyIntolerance allergy = new AllergyIntolerance().setPatient(subject)
                .setCode(new CodeableConcept().setText("災害試験アレルゲン" + unique));
        allergy.getClinicalStatus().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical")
                .setCode("active");
        FhirRecords.create(api, allergy);
        FhirRecords.create(api, new MedicationRequest().setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE)
                .setIntent(MedicationRequest.MedicationRequestIntent.ORDER).setSubject(subject)
                .setAuthoredOn(Date.valueOf(LocalDate.now().minusDays(3)))
                .setMedication(new CodeableConcept().setText("災害試験薬" + unique))
                .setDispenseRequest(new MedicationRequest.MedicationRequestDispenseRequestComponent()
                        .setExpectedSupplyDuration((Duration) new Duration()
                                .setValue(30).setUnit("日").setSystem("http://unitsofmeasure.org").setCode("d"))));
        if (!purposes.isEmpty()) {
            consents.grant(personId, ConsentScope.ALL_FACILITIES, null, purposes, accounts.networkAdmin().id(), null);
        }
        Person person = identities.person(personId).orElseThrow().person();
        return new Resident(personId, person.regionalId(), person, hospital, localId, "災害試験アレルゲン" + unique,
                "災害試験薬" + unique);
    }

    /** A new hospital located in {@code city} of 広島県 (its address without the prefecture, as the form takes it). */
    public Facility hospitalIn(String city) {
        Facility any = accounts.newHospital();
        return facilities.update(any.id(), new FacilityDraft(any.nameKanji(), any.nameKana(), FacilityKind.HOSPITAL,
                any.code().value(), 34, city + "本町1-1", null, true, true, FacilityStatus.ACTIVE));
    }

    /** A network administrator's session. */
    public WebSession admin(int port) {
        return accounts.signedIn(port, accounts.networkAdmin());
    }

    /** A new facility (a DMAT team, registered as a hospital) that the operator designates a responder on its page. */
    public Facility responderFacility(WebSession admin) {
        Facility team = accounts.newHospital();
        assertThat(admin.get("/admin/facilities/" + team.id()).body()).contains("data-responder=\"false\"");
        long before = audit.max();
        HttpResponse<String> designated = admin.post("/admin/facilities/" + team.id() + "/disaster-responder",
                "responder", "true");
        assertThat(WebSession.location(designated)).isEqualTo("/admin/facilities/" + team.id());
        assertThat(mode.responder(team.id())).isTrue();
        assertThat(audit.rowsSince(before)).filteredOn(r -> r.action().equals("DISASTER_RESPONDER")).singleElement()
                .satisfies(r -> {
                    assertThat(r.reason()).isEqualTo("designated");
                    assertThat(r.resourceIds()).containsExactly(String.valueOf(team.id()));
                    assertThat(r.patientId()).isNull();
                });
        assertThat(admin.get("/admin/facilities/" + team.id()).body()).contains("data-responder=\"true\"");
        return team;
    }

    /** A signed-in user of {@code facility} of {@code profession}, on the emergency page. */
    public WebSession staff(int port, Facility facility, Profession profession) {
        User user = accounts.memberOf(facility, profession);
        WebSession web = accounts.signedIn(port, user);
        web.get("/portal/emergency");
        return web;
    }

    /** Switches disaster mode on for {@code city} of 広島県 through the operator's page and its confirmation step. */
    public long switchOn(WebSession admin, String city) {
        admin.get("/admin/disaster");
        HttpResponse<String> confirm = admin.post("/admin/disaster/confirm", "networkWide", "false", "prefecture", "34",
                "municipalities", city, "note", "試験豪雨 " + city, "plannedEnd", "");
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("id=\"confirm-area\"").contains("広島県" + city);
        assertThat(periodFor(city)).as("nothing is switched before the confirmation").isNull();
        HttpResponse<String> on = admin.post("/admin/disaster/on", "networkWide", "false", "prefecture", "34",
                "municipalities", city, "note", "試験豪雨 " + city, "plannedEnd", "");
        assertThat(WebSession.location(on)).isEqualTo("/admin/disaster?switched=on");
        return periodFor(city).id();
    }

    /**
     * Switches disaster mode on for {@code city} of 広島県 where no registered address lies: the operator is warned on the
     * form, ticks the confirmation, reads the area (with the warning) back and switches on.
     */
    public long switchOnConfirmingUnknown(WebSession admin, String city) {
        admin.get("/admin/disaster");
        HttpResponse<String> warned = admin.post("/admin/disaster/confirm", "networkWide", "false", "prefecture", "34",
                "municipalities", city, "note", "試験豪雨 " + city, "plannedEnd", "");
        assertThat(warned.body()).contains("id=\"disaster-unknown\"").contains("広島県" + city);
        HttpResponse<String> confirm = admin.post("/admin/disaster/confirm", "networkWide", "false", "prefecture", "34",
                "municipalities", city, "note", "試験豪雨 " + city, "plannedEnd", "", "unknownConfirmed", "true");
        assertThat(confirm.body()).contains("id=\"confirm-area\"").contains("id=\"confirm-unknown\"")
                .contains("name=\"unknownConfirmed\"");
        assertThat(periodFor(city)).as("nothing is switched before the confirmation").isNull();
        HttpResponse<String> on = admin.post("/admin/disaster/on", "networkWide", "false", "prefecture", "34",
                "municipalities", city, "note", "試験豪雨 " + city, "plannedEnd", "", "unknownConfirmed", "true");
        assertThat(WebSession.location(on)).isEqualTo("/admin/disaster?switched=on");
        return periodFor(city).id();
    }

    /** Switches the period off through the operator's page and its confirmation step. */
    public void switchOff(WebSession admin, long periodId) {
        admin.get("/admin/disaster");
        HttpResponse<String> confirm = admin.post("/admin/disaster/" + periodId + "/confirm-off", "note", "試験終了");
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("id=\"disaster-confirm-off\"");
        HttpResponse<String> off = admin.post("/admin/disaster/" + periodId + "/off", "note", "試験終了");
        assertThat(WebSession.location(off)).isEqualTo("/admin/disaster?switched=off");
    }

    /** The period on now for exactly this city, if any. */
    public DisasterPeriod periodFor(String city) {
        return mode.active().stream().filter(p -> p.area().municipalities().stream().anyMatch(m -> m.name().equals(city)))
                .findFirst().orElse(null);
    }

    /** Switches off whatever a test left on for this city (without the pages). */
    public void cleanUp(SwitchDisasterMode switching, String city) {
        DisasterPeriod left = periodFor(city);
        if (left != null) {
            switching.off(accounts.networkAdmin().id(), left.id(), "test clean-up");
        }
    }

    /** Finds the person by exact kana name, birth date and sex on the emergency page. */
    public static HttpResponse<String> findByName(WebSession web, Person p) {
        return web.post("/portal/emergency", "kanaName", p.familyKana() + " " + p.givenKana(),
                "birthDate", p.birthDate().toString(), "sex", p.sex().name());
    }
}
