package org.musubi.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Purpose;
import org.musubi.consent.ConsentScope;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.Person;
import org.musubi.identity.RegisteredPerson;
import org.musubi.identity.Sex;
import org.musubi.identity.cards.IssueCard;
import org.musubi.identity.cards.IssuedCard;
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
 * A doctor of clinic B uses break-the-glass as an oracle: does this person exist, did they consent to emergency
 * use, did they block the clinic? Only the card with its valid check code (the card holder is present, the proof
 * that also links a person) is told the person's own choice; a wrong check code or a look-up by name gets the one
 * answer a person who does not exist gets. Each attempt leaves exactly one audit row with the real reason.
 */
@MusubiIntegrationTest
class EmergencyLookupAttackIT extends NetworkFixtures {

    private static final String WRONG_CODE = "AAAA-AAAA";

    @Autowired
    IdentityStore identities;
    @Autowired
    IssueCard issueCard;

    @Test
    void onlyTheProvedCardIsToldTheConsentOrTheBlockEverythingElseReadsAsNobody() {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        RegisteredPerson noEmergencyConsent = person(Set.of(Purpose.TREATMENT));
        RegisteredPerson blocker = person(Set.of(Purpose.TREATMENT, Purpose.EMERGENCY));
        consents.block(blocker.id(), clinic.id(), 0);
        IssuedCard noConsentCard = issueCard.regional(0, noEmergencyConsent.id());
        IssuedCard blockerCard = issueCard.regional(0, blocker.id());
        WebSession doctor = accounts.signedIn(port, accounts.memberOf(clinic, Profession.DOCTOR));
        doctor.get("/portal/emergency");
        long before = audit.max();

        String nobody = errorOf(doctor.post("/portal/emergency", "kanaName", "ダレモイナイ " + FhirRecords.uniqueKana(),
                "birthDate", "1950-01-01", "sex", "MALE"));
        for (RegisteredPerson victim : List.of(noEmergencyConsent, blocker)) {
            IssuedCard card = victim == blocker ? blockerCard : noConsentCard;
            HttpResponse<String> wrongCode = doctor.post("/portal/emergency", "card", card.card().number(),
                    "checkCode", WRONG_CODE);
            HttpResponse<String> byName = doctor.post("/portal/emergency", "kanaName",
                    victim.person().familyKana() + " " + victim.person().givenKana(),
                    "birthDate", victim.person().birthDate().toString(), "sex", victim.person().sex().name());
            for (HttpResponse<String> generic : List.of(wrongCode, byName)) {
                assertThat(errorOf(generic)).as(victim.person().givenKana()).isEqualTo(nobody)
                        .contains("data-key=\"emergency.notFound\"");
            }
        }
        HttpResponse<String> toldNoConsent = doctor.post("/portal/emergency", "card", noConsentCard.qrPayload());
        HttpResponse<String> toldBlocked = doctor.post("/portal/emergency", "card", blockerCard.card().number(),
                "checkCode", blockerCard.printedCheckCode());

        assertThat(errorOf(toldNoConsent)).contains("data-key=\"emergency.card.noConsent\"");
        assertThat(errorOf(toldBlocked)).contains("data-key=\"emergency.card.facilityBlocked\"");
        assertThat(doctor.get("/portal/emergency/open").statusCode()).as("nothing to open").isEqualTo(302);
        assertThat(audit.forPatient(before, noEmergencyConsent.person().regionalId())).containsExactly(
                "EMERGENCY_LOOKUP DENY name, birth date and sex: policy.deny.noConsent",
                "EMERGENCY_LOOKUP DENY card: policy.deny.noConsent");
        assertThat(audit.forPatient(before, blocker.person().regionalId())).containsExactly(
                "EMERGENCY_LOOKUP DENY name, birth date and sex: policy.deny.facilityBlocked",
                "EMERGENCY_LOOKUP DENY card: policy.deny.facilityBlocked");
        assertThat(audit.reasons(before, "EMERGENCY_LOOKUP", "Patient")).containsExactly(
                "name, birth date and sex: policy.deny.unknownPerson",
                "card: policy.deny.unknownPerson", "name, birth date and sex: policy.deny.noConsent",
                "card: policy.deny.unknownPerson", "name, birth date and sex: policy.deny.facilityBlocked",
                "card: policy.deny.noConsent", "card: policy.deny.facilityBlocked");
        assertThat(consents.emergencies(noEmergencyConsent.id())).isEmpty();
        assertThat(consents.emergencies(blocker.id())).isEmpty();
    }

    private static String errorOf(HttpResponse<String> page) {
        int at = page.body().indexOf("id=\"emergency-error\"");
        assertThat(at).as("an error is shown").isPositive();
        return page.body().substring(at, page.body().indexOf("</p>", at));
    }

    private RegisteredPerson person(Set<Purpose> purposes) {
        RegisteredPerson person = identities.register(new Person(TestRegionalIds.next(), "救急", "次郎", "キュウキュウ",
                FhirRecords.uniqueKana(), Sex.FEMALE, LocalDate.of(1948, 3, 3), null, null, null));
        consents.grant(person.id(), ConsentScope.ALL_FACILITIES, null, purposes, 0, null);
        return person;
    }
}
