package org.musubi.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.Person;
import org.musubi.identity.RegisteredPerson;
import org.musubi.identity.Sex;
import org.musubi.identity.cards.Card;
import org.musubi.identity.cards.IssueCard;
import org.musubi.identity.cards.ReplaceCard;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.WebSession;
import org.musubi.testing.TestRegionalIds;
import org.springframework.beans.factory.annotation.Autowired;

/** The card-holding check answers yes or no, by card or by name and birth date, and reveals nothing else. */
@MusubiIntegrationTest
class CardCheckIT extends NetworkFixtures {

    @Autowired
    IdentityStore identities;
    @Autowired
    IssueCard issue;
    @Autowired
    ReplaceCard replace;

    @Test
    void answersYesForAnActiveCardAndNoOnceItIsLost() {
        RegisteredPerson person = person();
        Card card = issue.regional(0, person.id()).card();
        WebSession web = pharmacist();
        long before = audit.max();

        HttpResponse<String> yes = web.post("/portal/card-check", "card", card.number());
        replace.reportLost(0, card.number());
        web.get("/portal/card-check");
        HttpResponse<String> no = web.post("/portal/card-check", "card", card.number());

        assertThat(yes.body()).contains("data-holds=\"true\"").doesNotContain("保持 花子").doesNotContain(card.number() + "<");
        assertThat(no.body()).contains("data-holds=\"false\"");
        assertThat(audit.forPatient(before, person.person().regionalId()))
                .containsExactly("CARD_CHECK PERMIT card number: holds a card", "CARD_LOST PERMIT");
    }

    @Test
    void answersByKanaNameAndBirthDate() {
        RegisteredPerson person = person();
        issue.regional(0, person.id());
        WebSession web = pharmacist();

        HttpResponse<String> yes = web.post("/portal/card-check", "kanaName", "ﾎｼﾞ ﾊﾅｺ", "birthDate", "1937-12-24");
        web.get("/portal/card-check");
        HttpResponse<String> wrongDay = web.post("/portal/card-check", "kanaName", "ホジハナコ", "birthDate", "1937-12-25");

        assertThat(yes.body()).contains("data-holds=\"true\"");
        assertThat(wrongDay.body()).contains("data-holds=\"false\"");
    }

    @Test
    void theCheckNeedsAFullLogin() {
        WebSession anonymous = new WebSession(port);
        assertThat(WebSession.location(anonymous.get("/portal/card-check"))).isEqualTo("/login");
        anonymous.get("/login");
        assertThat(anonymous.post("/portal/card-check", "card", "1").statusCode()).isIn(302, 401, 403);
    }

    private WebSession pharmacist() {
        WebSession web = accounts.signedIn(port, accounts.staff(FacilityKind.PHARMACY, Profession.PHARMACIST));
        web.get("/portal/card-check");
        return web;
    }

    private RegisteredPerson person() {
        return identities.register(new Person(TestRegionalIds.next(), "保持", "花子", "ホジ", "ハナコ", Sex.FEMALE,
                LocalDate.of(1937, 12, 24), null, null, null));
    }
}
