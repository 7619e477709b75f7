package org.musubi.portal;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.junit.jupiter.api.Test;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.LinkMethod;
import org.musubi.identity.Sex;
import org.musubi.identity.SourcePatient;
import org.musubi.registry.Facility;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.AuditRows;
import org.musubi.testing.FhirClients;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.TestAccounts;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 非常時バックアップ over real HTTP: a hospital whose own system is down finds its patient by its own patient ID (typed
 * in full-width digits too) and sees exactly what it sent — never another facility's data of the same person — without
 * any consent or link, each page one audit row (purpose OWN_RECORDS). Attacks on it: {@code attack.OwnRecordsAttackIT}.
 */
@MusubiIntegrationTest
public class OwnRecordsIT extends NetworkFixtures {

    @Autowired
    IdentityStore identities;

    /** One person: the hospital's patient (HbA1c 6.1) and the clinic's (HbA1c 7.2), linked by 名寄せ by hand. */
    public record Shared(long personId, String regionalId, String hospitalId, String clinicId, String givenKana) {
    }

    @Test
    void theHospitalFindsItsPatientByItsOwnIdAndSeesExactlyWhatItSentEachPageOneAuditRow() {
        Facility hospital = accounts.newHospital();
        Facility clinic = accounts.newHospital();
        Shared shared = shared(port, clients, identities, accounts, hospital, clinic);
        User doctor = accounts.memberOf(hospital, Profession.DOCTOR);
        WebSession web = accounts.signedIn(port, doctor);
        web.get("/portal/own-records");
        long before = audit.max();

        HttpResponse<String> found = web.post("/portal/own-records", "localId", " " + wide(shared.hospitalId()) + " ");

        String own = "own-" + identities.sourcePatient(hospital.id(), shared.hospitalId()).orElseThrow().id();
        assertThat(WebSession.location(found)).as("the hospital's own patient, never the person's id")
                .isEqualTo("/portal/patients/" + own + "?purpose=OWN_RECORDS");
        List<AuditRows.Row> lookup = audit.rows(before, doctor.loginId());
        assertThat(lookup).singleElement().satisfies(r -> {
            assertThat(r.action() + " " + r.outcome() + " " + r.reason()).isEqualTo("READ PERMIT policy.permit.ownPatient");
            assertThat(r.purpose()).isEqualTo("OWN_RECORDS");
            assertThat(r.patientId()).isEqualTo(shared.regionalId());
        });

        for (String page : List.of("", "/labs", "/medications")) {
            long beforePage = audit.max();
            HttpResponse<String> shown = web.get("/portal/patients/" + own + page + "?purpose=OWN_RECORDS");
            assertThat(shown.statusCode()).as(page).isEqualTo(200);
            assertThat(shown.body()).as(page).contains("id=\"own-records-banner\"").contains(shared.givenKana())
                    .contains("自施設の患者としての参照です").doesNotContain(clinic.nameKanji()).doesNotContain(">7.2<")
                    .as("no regional ID: 名寄せ's match tells the hospital nothing").doesNotContain(shared.regionalId())
                    .doesNotContain("id=\"regional-id\"").doesNotContain("id=\"issue-phr-code\"");
            assertThat(audit.forPatient(beforePage, shared.regionalId())).as(page)
                    .containsExactly("READ PERMIT policy.permit.ownPatient");
        }
        HttpResponse<String> labs = web.get("/portal/patients/" + own + "/labs?purpose=OWN_RECORDS");
        assertThat(labs.body()).contains(">6.1<").contains("purpose=OWN_RECORDS");
        assertThat(web.get("/portal/patients/" + shared.personId() + "?purpose=OWN_RECORDS").statusCode())
                .as("by the person's id, without a link: as for nobody").isEqualTo(404);

        WebSession clinicDoctor = accounts.signedIn(port, accounts.memberOf(clinic, Profession.DOCTOR));
        String clinicOwn = "own-" + identities.sourcePatient(clinic.id(), shared.clinicId()).orElseThrow().id();
        HttpResponse<String> clinicLabs = clinicDoctor.get("/portal/patients/" + clinicOwn + "/labs?purpose=OWN_RECORDS");
        assertThat(clinicLabs.statusCode()).isEqualTo(200);
        assertThat(clinicLabs.body()).as("the clinic sees its own, not the hospital's").contains(">7.2<").doesNotContain(">6.1<");
        assertThat(clinicDoctor.get("/portal/patients/" + own + "/labs?purpose=OWN_RECORDS").statusCode())
                .as("another facility's own key names nobody for the clinic").isEqualTo(404);
    }

    @Test
    void withALinkMadeWithTheCardTheOwnRecordsNameThePersonAndStillShowOnlyWhatTheFacilitySent() {
        Facility hospital = accounts.newHospital();
        Facility clinic = accounts.newHospital();
        Shared shared = shared(port, clients, identities, accounts, hospital, clinic);
        consents.link(shared.personId(), hospital.id(), accounts.networkAdmin().id());
        WebSession web = accounts.signedIn(port, accounts.memberOf(hospital, Profession.DOCTOR));
        web.get("/portal/own-records");

        String page = WebSession.location(web.post("/portal/own-records", "localId", shared.hospitalId()));
        HttpResponse<String> shown = web.get(page);
        HttpResponse<String> byPerson = web.get("/portal/patients/" + shared.personId() + "/labs?purpose=OWN_RECORDS");

        assertThat(shown.body()).contains("id=\"regional-id\"").contains(shared.regionalId())
                .contains("自施設が送った記録の参照です").doesNotContain(">7.2<")
                .as("acts on the person are offered on the person's own pages only").doesNotContain("id=\"issue-phr-code\"");
        assertThat(byPerson.statusCode()).isEqualTo(200);
        assertThat(byPerson.body()).contains(">6.1<").doesNotContain(">7.2<");
    }

    @Test
    void withALinkTheHeaderNamesThePersonInTheKanaTheNetworkRegisteredNotTheFacilitysOwnSpelling() {
        Facility hospital = accounts.newHospital();
        Facility clinic = accounts.newHospital();
        Shared shared = shared(port, clients, identities, accounts, hospital, clinic);
        // a third facility whose system spells the family name its own way (large ツ, as old receipt systems write)
        Facility other = accounts.newHospital();
        String otherId = FhirRecords.localId();
        SourcePatient spelled = identities.receive(new SourcePatient(0, other.id(), otherId, null, null, "バツクアツプ",
                shared.givenKana(), Sex.FEMALE, identities.person(shared.personId()).orElseThrow().person().birthDate(),
                null, null, null));
        identities.link(spelled.id(), shared.personId(), LinkMethod.OPERATOR, accounts.networkAdmin().id(), "test");
        IGenericClient otherApi = clients.fhirFor(port, other, "system/*.read", "system/*.write");
        FhirRecords.create(otherApi, hba1c(FhirRecords.lab(other, otherId, FhirRecords.HBA1C, "2024-06-01", 0), "5.9"));
        consents.link(shared.personId(), other.id(), accounts.networkAdmin().id());
        WebSession web = accounts.signedIn(port, accounts.memberOf(other, Profession.DOCTOR));

        HttpResponse<String> shown = web.get("/portal/patients/" + shared.personId() + "/labs?purpose=OWN_RECORDS");

        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("自施設が送った記録の参照です").contains(">5.9<").doesNotContain(">6.1<")
                .as("the registered kana, one spelling everywhere").contains("バックアップ " + shared.givenKana())
                .doesNotContain("バツクアツプ");
        assertThat(identities.sourcePatient(other.id(), otherId).orElseThrow().familyKana())
                .as("the facility's spelling stays as it sent it").isEqualTo("バツクアツプ");
    }

    /** Full-width digits and letters, as a hurried user may type them. */
    private static String wide(String id) {
        StringBuilder out = new StringBuilder();
        id.codePoints().forEach(c -> out.appendCodePoint(c >= '!' && c <= '~' ? c - '!' + '！' : c));
        return out.toString();
    }

    /** The person of {@link Shared}, written as the two facilities' systems write (FHIR API); no consent, no link. */
    public static Shared shared(int port, FhirClients clients, IdentityStore identities, TestAccounts accounts,
                                Facility hospital, Facility clinic) {
        IGenericClient hospitalApi = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        IGenericClient clinicApi = clients.fhirFor(port, clinic, "system/*.read", "system/*.write");
        String hospitalId = FhirRecords.localId();
        Patient registered = FhirRecords.newPatient(hospital, hospitalId, "バックアップ");
        FhirRecords.create(hospitalApi, registered);
        long person = clients.personOf(hospital, hospitalId);
        String clinicId = FhirRecords.localId();
        String given = registered.getNameFirstRep().getGivenAsSingleString();
        SourcePatient atClinic = identities.receive(new SourcePatient(0, clinic.id(), clinicId, null, null, "バックアップ",
                given, Sex.FEMALE, LocalDate.parse(registered.getBirthDateElement().getValueAsString()), null,
                null, null));
        identities.link(atClinic.id(), person, LinkMethod.OPERATOR, accounts.networkAdmin().id(), "test");
        FhirRecords.create(hospitalApi, hba1c(FhirRecords.lab(hospital, hospitalId, FhirRecords.HBA1C, "2024-01-10", 0), "6.1"));
        FhirRecords.create(clinicApi, hba1c(FhirRecords.lab(clinic, clinicId, FhirRecords.HBA1C, "2024-04-12", 0), "7.2"));
        return new Shared(person, identities.person(person).orElseThrow().person().regionalId(), hospitalId, clinicId, given);
    }

    private static Observation hba1c(Observation observation, String value) {
        return observation.setValue(new Quantity().setValue(new BigDecimal(value)).setUnit("%"));
    }
}
