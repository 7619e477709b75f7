package org.musubi.carenet.municipal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.musubi.disaster.DisasterScenes.findByName;

import java.net.http.HttpResponse;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Purpose;
import org.musubi.disaster.DisasterScenes;
import org.musubi.disaster.SwitchDisasterMode;
import org.musubi.emergency.Crews;
import org.musubi.record.Reader;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.TestAccounts;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The 災害時要配慮者 flag: kept by a care manager (or municipal staff) whose office holds the record, set and cleared with a
 * reason through the write door (one audit row each; anyone else refused, audited once); shown on the emergency minimum
 * dataset only while disaster mode covers the person — to a crew that opened the person before and after, not outside
 * it; a responder facility with no link sees nothing before disaster mode and the flag during it.
 */
@MusubiIntegrationTest
class DisasterFlagIT extends NetworkFixtures {

    private static final String REASON = "歩行困難・独居（避難に介助が必要）";
    @Autowired
    DisasterFlags flags;
    @Autowired
    DisasterScenes scenes;
    @Autowired
    SwitchDisasterMode switching;
    @Autowired
    Crews crews;
    @Autowired
    Places places;

    private final String city = DisasterScenes.uniqueCity();

    @AfterEach
    void switchOffWhatWasLeftOn() {
        scenes.cleanUp(switching, city);
    }

    @Test
    void theCareManagerKeepsTheFlagAndRespondersSeeItOnlyInDisasterMode() {
        Facility hospital = accounts.newHospital();
        DisasterScenes.Resident person = scenes.residentOf(port, hospital, "広島県" + city + "本町1-2-3",
                Set.of(Purpose.TREATMENT, Purpose.EMERGENCY));
        Facility office = places.careOffice();
        places.linkWithChart(person.personId(), office, accounts.networkAdmin().id());
        User manager = accounts.memberOf(office, Profession.CARE_MANAGER);
        Facility otherOffice = places.careOffice();
        User stranger = accounts.memberOf(otherOffice, Profession.CARE_MANAGER);
        consents.link(person.personId(), hospital.id(), accounts.networkAdmin().id());
        User doctor = accounts.memberOf(hospital, Profession.DOCTOR);

        Facility linkedOnly = places.careOffice();
        consents.link(person.personId(), linkedOnly.id(), accounts.networkAdmin().id());
        assertThat(flags.set(new Reader(accounts.memberOf(linkedOnly, Profession.CARE_MANAGER).id(), linkedOnly.id()),
                person.personId(), true, REASON).value()).as("an office without its own patient keeps no flag")
                .isEqualTo(DisasterFlags.Change.NOT_OUR_PATIENT);
        long before = audit.max();
        assertThat(flags.set(new Reader(manager.id(), office.id()), person.personId(), true, REASON).value())
                .isEqualTo(DisasterFlags.Change.SET);
        assertThat(flags.set(new Reader(manager.id(), office.id()), person.personId(), true, REASON).value())
                .isEqualTo(DisasterFlags.Change.UNCHANGED);
        assertThat(audit.forPatient(before, person.regionalId())).hasSize(2).allMatch(r -> r.startsWith("CREATE PERMIT"));
        long refusals = audit.max();
        assertThat(flags.set(new Reader(stranger.id(), otherOffice.id()), person.personId(), true, "x").permitted())
                .as("an office without the record").isFalse();
        assertThat(flags.set(new Reader(doctor.id(), hospital.id()), person.personId(), false, "x").permitted())
                .as("a doctor keeps no such flag").isFalse();
        assertThat(audit.forPatient(refusals, person.regionalId())).hasSize(2).allMatch(r -> r.contains(" DENY "));
        assertThat(flags.read(new Reader(manager.id(), office.id()), person.personId()).value())
                .singleElement().satisfies(h -> {
                    assertThat(h.reason()).isEqualTo(REASON);
                    assertThat(h.facilityId()).isEqualTo(office.id());
                });
        WebSession managerWeb = accounts.signedIn(port, manager);
        assertThat(managerWeb.get("/portal/patients/" + person.personId() + "/municipal").body()).contains(REASON)
                .contains("id=\"disaster-flag-toggle\"");

        WebSession crew = accounts.signedIn(port, crews.paramedic());
        crew.get("/emergency");
        var p = person.person();
        assertThat(WebSession.location(crew.post("/emergency", "kanaName", p.familyKana() + " " + p.givenKana(),
                "birthDate", p.birthDate().toString(), "sex", p.sex().name()))).isEqualTo("/emergency/open");
        crew.get("/emergency/open");
        assertThat(WebSession.location(crew.post("/emergency/open", "code", "IDENTITY_UNKNOWN", "password",
                TestAccounts.PASSWORD))).isEqualTo("/emergency/persons/" + person.personId());
        HttpResponse<String> outside = crew.get("/emergency/persons/" + person.personId());
        assertThat(outside.statusCode()).isEqualTo(200);
        assertThat(outside.body()).contains(person.allergy()).doesNotContain("dataset-disaster-help").doesNotContain(REASON);

        WebSession admin = scenes.admin(port);
        Facility team = scenes.responderFacility(admin);
        WebSession responder = scenes.staff(port, team, Profession.DOCTOR);
        assertThat(responder.get("/emergency/persons/" + person.personId()).statusCode())
                .as("no access of a responder before disaster mode").isEqualTo(404);

        long period = scenes.switchOn(admin, city);
        assertThat(crew.get("/emergency/persons/" + person.personId()).body()).contains("dataset-disaster-help")
                .contains(REASON);
        findByName(responder, person.person());
        responder.get("/portal/emergency/open");
        responder.post("/portal/emergency/open", "reason", "避難所での安否確認", "password", TestAccounts.PASSWORD);
        long reading = audit.max();
        HttpResponse<String> during = responder.get("/emergency/persons/" + person.personId());
        assertThat(during.statusCode()).isEqualTo(200);
        assertThat(during.body()).contains("dataset-disaster-help").contains(REASON);
        assertThat(audit.forPatient(reading, person.regionalId())).as("the dataset's one read").hasSize(1);

        scenes.switchOff(admin, period);
        assertThat(crew.get("/emergency/persons/" + person.personId()).body()).doesNotContain(REASON);
        assertThat(responder.get("/emergency/persons/" + person.personId()).statusCode()).isEqualTo(404);

        managerWeb.get("/portal/patients/" + person.personId() + "/municipal");
        long clearing = audit.max();
        assertThat(WebSession.location(managerWeb.post("/portal/patients/" + person.personId() + "/disaster-flag",
                "on", "false", "reason", "施設に入所"))).endsWith("/municipal?cleared");
        assertThat(audit.forPatient(clearing, person.regionalId())).singleElement().asString().startsWith("UPDATE PERMIT");
        assertThat(flags.read(new Reader(manager.id(), office.id()), person.personId()).value()).isEmpty();
    }
}
