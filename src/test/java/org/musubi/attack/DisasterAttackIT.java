package org.musubi.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.musubi.disaster.DisasterScenes.findByName;

import java.net.http.HttpResponse;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Purpose;
import org.musubi.disaster.DisasterScenes;
import org.musubi.disaster.SwitchDisasterMode;
import org.musubi.identity.Person;
import org.musubi.identity.Sex;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.TestRegionalIds;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Disaster mode tried as an attacker would, while it is on for one municipality: a responder's doctor asking for a
 * person who lives elsewhere learns nothing more than about a person who does not exist (the refusal is audited with
 * its reason); a clerk of the responder facility cannot break the glass even for a person in the area.
 */
@MusubiIntegrationTest
class DisasterAttackIT extends NetworkFixtures {

    @Autowired
    DisasterScenes scenes;
    @Autowired
    SwitchDisasterMode switching;

    private final String city = DisasterScenes.uniqueCity();

    @AfterEach
    void switchOff() {
        scenes.cleanUp(switching, city);
    }

    @Test
    void aResponderAskingForAPersonOutsideTheAreaIsAnsweredLikeForNobody() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        DisasterScenes.Resident outside = scenes.residentOf(port, hospital,
                "広島県" + DisasterScenes.uniqueCity() + "本町1-2-3", Set.of(Purpose.EMERGENCY));
        WebSession admin = scenes.admin(port);
        WebSession doctor = scenes.staff(port, scenes.responderFacility(admin), Profession.DOCTOR);
        scenes.hospitalIn(city);
        scenes.switchOn(admin, city);
        Person nobody = new Person(TestRegionalIds.next(), "誰", "もいない", "ダレモ", FhirRecords.uniqueKana(), Sex.FEMALE,
                outside.person().birthDate(), null, null, null);
        long before = audit.max();

        HttpResponse<String> refused = findByName(doctor, outside.person());
        HttpResponse<String> absent = findByName(doctor, nobody);

        assertThat(refused.body()).doesNotContain(outside.person().givenKana()).contains("data-key=\"emergency.notFound\"");
        Answers.assertAlike("a person outside the disaster area", refused,
                outside.person().familyKana() + " " + outside.person().givenKana(), absent,
                nobody.familyKana() + " " + nobody.givenKana());
        assertThat(audit.forPatient(before, outside.regionalId()))
                .containsExactly("EMERGENCY_LOOKUP DENY name, birth date and sex: policy.deny.outsideDisasterMode");
        assertThat(doctor.get("/portal/emergency/open").statusCode()).as("nobody to open").isEqualTo(302);
        long beforeView = audit.max();
        assertThat(doctor.get("/portal/patients/" + outside.personId() + "?purpose=EMERGENCY").statusCode()).isEqualTo(404);
        assertThat(audit.forPatient(beforeView, outside.regionalId()))
                .containsExactly("READ DENY policy.deny.outsideDisasterMode");
    }

    @Test
    void aClerkOfAResponderFacilityCannotBreakTheGlassEvenInTheArea() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        DisasterScenes.Resident inside = scenes.residentOf(port, hospital, "広島県" + city + "本町1-2-3",
                Set.of(Purpose.EMERGENCY));
        WebSession admin = scenes.admin(port);
        Facility team = scenes.responderFacility(admin);
        WebSession clerk = scenes.staff(port, team, Profession.MEDICAL_CLERK);
        scenes.switchOn(admin, city);
        long before = audit.max();

        HttpResponse<String> refused = findByName(clerk, inside.person());

        assertThat(refused.body()).contains("data-key=\"policy.deny.professionNotForEmergency\"")
                .doesNotContain(inside.person().givenKana());
        assertThat(audit.rowsSince(before)).singleElement().satisfies(r -> {
            assertThat(r.action() + " " + r.outcome() + " " + r.reason())
                    .isEqualTo("EMERGENCY_LOOKUP DENY policy.deny.professionNotForEmergency");
            assertThat(r.purpose()).isEqualTo("EMERGENCY");
        });
        assertThat(clerk.get("/portal/patients/" + inside.personId() + "?purpose=EMERGENCY").statusCode()).isEqualTo(404);
    }
}
