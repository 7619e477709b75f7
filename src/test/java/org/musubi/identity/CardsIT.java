package org.musubi.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.musubi.registry.FacilityKind;
import org.musubi.testing.AuditRows;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.TestAccounts;
import org.musubi.testing.TestRegionalIds;
import org.springframework.beans.factory.annotation.Autowired;

@MusubiIntegrationTest
class CardsIT {

    @Autowired
    IssueCard issue;
    @Autowired
    ReplaceCard replace;
    @Autowired
    Cards cards;
    @Autowired
    IdentityStore store;
    @Autowired
    TestAccounts accounts;
    @Autowired
    AuditRows audit;

    @Test
    void theRegionalCardCarriesTheRegionalIdAndOnlyOneIsActive() {
        RegisteredPerson person = newPerson();
        long before = audit.max();

        Card card = issue.regional(0, person.id());

        assertThat(card.number()).isEqualTo(person.person().regionalId());
        assertThat(card.issueNo()).isEqualTo(1);
        assertThat(card.qrPayload()).isEqualTo("MUSUBI-CARD:1:" + card.number() + ":1");
        assertThatThrownBy(() -> issue.regional(0, person.id())).hasMessage("identity.card.alreadyActive");
        assertThat(audit.forPatient(before, person.person().regionalId())).containsExactly("CARD_ISSUE PERMIT REGIONAL");
    }

    @Test
    void aLostCardStopsWorkingAndTheReissueKeepsTheNumber() {
        RegisteredPerson person = newPerson();
        Card first = issue.regional(0, person.id());

        replace.reportLost(0, first.number());
        assertThat(cards.active(first.number())).isEmpty();
        Card second = replace.reissue(0, first.number());

        assertThat(second.number()).isEqualTo(first.number());
        assertThat(second.issueNo()).isEqualTo(2);
        assertThat(cards.active(first.number())).contains(second);
        assertThat(cards.issue(first.number(), 1).orElseThrow().status()).isEqualTo(CardStatus.LOST);
        Card third = replace.reissue(0, first.number());
        assertThat(cards.issue(first.number(), 2).orElseThrow().status()).isEqualTo(CardStatus.REISSUED);
        assertThat(cards.of(person.id())).extracting(Card::issueNo).containsExactly(1, 2, 3);
        assertThat(third.active()).isTrue();
    }

    @Test
    void aDisclosureCardHasItsOwnNumberAndItsHospital() {
        RegisteredPerson person = newPerson();
        long hospital = accounts.facilityOf(FacilityKind.HOSPITAL).id();

        Card card = issue.disclosure(0, person.id(), hospital);

        assertThat(card.kind()).isEqualTo(CardKind.DISCLOSURE);
        assertThat(card.issuingFacilityId()).isEqualTo(hospital);
        assertThat(RegionalId.valid(card.number())).isTrue();
        assertThat(card.number()).isNotEqualTo(person.person().regionalId());
        assertThat(cards.active(card.number())).contains(card);
    }

    private RegisteredPerson newPerson() {
        return store.register(new Person(TestRegionalIds.next(), "札田", "次郎", "フダタ", "ジロウ", Sex.MALE,
                LocalDate.of(1960, 1, 20), null, null, null));
    }
}
