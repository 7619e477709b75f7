package org.musubi.identity.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.Person;
import org.musubi.identity.RegionalId;
import org.musubi.identity.RegisteredPerson;
import org.musubi.identity.Sex;
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
    @Autowired
    CardCodes codes;

    @Test
    void theRegionalCardHasANumberOfItsOwnAndACheckCodeAndOnlyOneIsActive() {
        RegisteredPerson person = newPerson();
        long before = audit.max();

        IssuedCard issued = issue.regional(0, person.id());
        Card card = issued.card();

        assertThat(card.number()).as("a card number is never the person's id").isNotEqualTo(person.person().regionalId());
        assertThat(RegionalId.valid(card.number())).isTrue();
        assertThat(card.issueNo()).isEqualTo(1);
        assertThat(issued.checkCode()).matches("[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}");
        assertThat(issued.qrPayload()).isEqualTo("MUSUBI-CARD:2:" + card.number() + ":1:" + issued.checkCode());
        Card stored = cards.active(card.number()).orElseThrow();
        assertThat(stored.checkHash()).as("only a hash is stored").isNotNull().doesNotContain(issued.checkCode());
        assertThat(stored.checkHash()).as("of the peppered code").startsWith(CardCodes.PEPPERED + "$argon2id$");
        assertThat(codes.matches(stored, issued.printedCheckCode().toLowerCase())).isTrue();
        assertThat(codes.matches(stored, "ＡＢＣＤ－ＥＦＧＨ")).isFalse();
        assertThatThrownBy(() -> issue.regional(0, person.id())).hasMessage("identity.card.alreadyActive");
        assertThat(audit.forPatient(before, person.person().regionalId())).containsExactly("CARD_ISSUE PERMIT REGIONAL");
    }

    @Test
    void aLostCardStopsWorkingAndTheReissueKeepsTheNumberWithANewCheckCode() {
        RegisteredPerson person = newPerson();
        IssuedCard issued = issue.regional(0, person.id());
        Card first = issued.card();

        replace.reportLost(0, first.number());
        assertThat(cards.active(first.number())).isEmpty();
        IssuedCard reissued = replace.reissue(0, first.number());
        Card second = reissued.card();

        assertThat(second.number()).isEqualTo(first.number());
        assertThat(second.issueNo()).isEqualTo(2);
        assertThat(cards.active(first.number())).contains(second);
        assertThat(codes.matches(second, reissued.checkCode())).isTrue();
        assertThat(codes.matches(second, issued.checkCode())).as("the old issue's code stops working")
                .isEqualTo(issued.checkCode().equals(reissued.checkCode()));
        assertThat(cards.issue(first.number(), 1).orElseThrow().status()).isEqualTo(CardStatus.LOST);
        Card third = replace.reissue(0, first.number()).card();
        assertThat(cards.issue(first.number(), 2).orElseThrow().status()).isEqualTo(CardStatus.REISSUED);
        assertThat(cards.of(person.id())).extracting(Card::issueNo).containsExactly(1, 2, 3);
        assertThat(third.active()).isTrue();
    }

    @Test
    void aDisclosureCardHasItsOwnNumberAndItsHospital() {
        RegisteredPerson person = newPerson();
        long hospital = accounts.facilityOf(FacilityKind.HOSPITAL).id();

        Card card = issue.disclosure(0, person.id(), hospital).card();

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
