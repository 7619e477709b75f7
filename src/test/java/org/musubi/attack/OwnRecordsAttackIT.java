package org.musubi.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.musubi.identity.IdentityStore;
import org.musubi.portal.OwnRecordsIT;
import org.musubi.registry.Facility;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The own-records backup (非常時バックアップ) tried as an attacker would: a hospital's patient ID guessed by another
 * facility, a clerk of the hospital itself, and a facility asking by person id for a person it never sent data for are
 * all answered exactly like an ID or a person nobody has — no name, no link to the person, no reason — and each attempt
 * leaves exactly one audit row.
 */
@MusubiIntegrationTest
class OwnRecordsAttackIT extends NetworkFixtures {

    @Autowired
    IdentityStore identities;

    @Test
    void aGuessedIdOfAnotherFacilityAClerkAndANonexistentIdAreAnsweredAlike() {
        Facility hospital = accounts.newHospital();
        OwnRecordsIT.Shared shared = OwnRecordsIT.shared(port, clients, identities, accounts, hospital,
                accounts.newHospital());
        User stranger = accounts.memberOf(accounts.newHospital(), Profession.DOCTOR);
        User clerk = accounts.memberOf(hospital, Profession.MEDICAL_CLERK);

        String nobodysId = "NOBODY-" + FhirRecords.localId();
        HttpResponse<String> othersId = lookUp(stranger, shared.hospitalId());
        HttpResponse<String> nobody = lookUp(stranger, nobodysId);
        HttpResponse<String> clerks = lookUp(clerk, shared.hospitalId());

        for (HttpResponse<String> refused : List.of(othersId, nobody, clerks)) {
            assertThat(refused.statusCode()).isEqualTo(404);
            assertThat(refused.body()).contains("data-key=\"ownRecords.notFound\"").doesNotContain(shared.givenKana())
                    .doesNotContain("/portal/patients/" + shared.personId()).doesNotContain("policy.deny");
        }
        assertThat(errorOf(othersId)).isEqualTo(errorOf(nobody)).isEqualTo(errorOf(clerks));
        Answers.assertAlike("another facility's patient ID", othersId, shared.hospitalId(), nobody, nobodysId);
    }

    @Test
    void aFacilityAskingForAPersonItNeverSentGetsTheSame404AsForNoPerson() {
        OwnRecordsIT.Shared shared = OwnRecordsIT.shared(port, clients, identities, accounts, accounts.newHospital(),
                accounts.newHospital());
        User stranger = accounts.memberOf(accounts.newHospital(), Profession.DOCTOR);
        WebSession web = accounts.signedIn(port, stranger);
        long before = audit.max();

        HttpResponse<String> direct = web.get("/portal/patients/" + shared.personId() + "?purpose=OWN_RECORDS");
        HttpResponse<String> labs = web.get("/portal/patients/" + shared.personId() + "/labs?purpose=OWN_RECORDS");
        HttpResponse<String> none = web.get("/portal/patients/999999999?purpose=OWN_RECORDS");

        for (HttpResponse<String> refused : List.of(direct, labs, none)) {
            assertThat(refused.statusCode()).isEqualTo(404);
            assertThat(refused.body()).doesNotContain(shared.givenKana()).doesNotContain(">6.1<").doesNotContain(">7.2<")
                    .doesNotContain("policy.deny");
        }
        Answers.assertAlike("a person never sent", direct, String.valueOf(shared.personId()), none, "999999999");
        assertThat(audit.forPatient(before, shared.regionalId())).containsExactly("READ DENY policy.deny.notOwnSource",
                "READ DENY policy.deny.notOwnSource");
        assertThat(audit.since(before, stranger.loginId())).hasSize(3);
    }

    private HttpResponse<String> lookUp(User user, String localId) {
        WebSession web = accounts.signedIn(port, user);
        web.get("/portal/own-records");
        long before = audit.max();
        HttpResponse<String> answer = web.post("/portal/own-records", "localId", localId);
        assertThat(audit.since(before, user.loginId())).as("one audit row").singleElement().asString().contains(" DENY ");
        return answer;
    }

    private static String errorOf(HttpResponse<String> page) {
        int at = page.body().indexOf("id=\"own-records-error\"");
        return page.body().substring(at, page.body().indexOf("</p>", at));
    }
}
