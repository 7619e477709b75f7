package org.musubi.identity.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.musubi.identity.Person;
import org.musubi.identity.matching.compare.Agreement;
import org.musubi.identity.matching.compare.MatchField;

/** The insured-person number in 名寄せ: strong evidence for the same person, never a link to a family member. */
class InsuredEvidenceTest {

    private final Matcher matcher = new Matcher();
    private final Person sato = Patients.person(1, Patients.satoHiroshi());
    private final InsuredKeys.Key satoCard = InsuredNumberTest.key("06139999:あいう:187:01");

    private MatchOutcome match(Demographics query, InsuredKeys.Key number) {
        return matcher.match(query, List.of(sato), p -> InsuredKeys.compare(number, List.of(satoCard)));
    }

    private static double total(MatchOutcome outcome) {
        return outcome.candidates().getFirst().score().total();
    }

    @Test
    void theSameNumberWithBirthDateAndSexLinksWhatNamesAloneSendToReview() {
        Demographics namesOnly = Patients.withoutContact(Patients.satoHiroshi());
        assertThat(matcher.match(namesOnly, List.of(sato))).as("without the number").isInstanceOf(Review.class);

        MatchOutcome outcome = match(namesOnly, InsuredNumberTest.key("０６１３９９９９:あいう:１８７:１"));

        assertThat(outcome).isInstanceOfSatisfying(AutoLink.class, link -> {
            assertThat(link.best().person()).isEqualTo(sato);
            assertThat(link.best().score().level(MatchField.INSURED_NUMBER)).isEqualTo(Agreement.EXACT);
        });
    }

    @Test
    void theSameNumberNeverLinksWhenTheBirthDateDisagrees() {
        Demographics otherBirth = Patients.with(Patients.satoHiroshi(), LocalDate.of(1975, 8, 30));

        MatchOutcome outcome = match(otherBirth, satoCard);

        assertThat(outcome).isInstanceOfSatisfying(Review.class,
                review -> assertThat(review.reasons()).contains(ReviewReason.BIRTH_DATE_DISAGREES));
    }

    @Test
    void anotherBranchNumberOnTheSameCardIsAFamilyMemberNeverLinkedHoweverAlikeTheRest() {
        InsuredKeys.Key child = InsuredNumberTest.key("06139999:あいう:187:02");

        MatchOutcome exactDemographics = match(Patients.satoHiroshi(), child);
        MatchOutcome twin = match(Patients.satoTakeshi(), child);

        assertThat(exactDemographics).isInstanceOfSatisfying(Review.class, review -> {
            assertThat(review.reasons()).containsExactly(ReviewReason.INSURED_FAMILY_MEMBER);
            assertThat(review.best().score().total())
                    .isLessThan(total(matcher.match(Patients.satoHiroshi(), List.of(sato))));
        });
        assertThat(twin).isInstanceOfSatisfying(Review.class, review -> assertThat(review.reasons())
                .contains(ReviewReason.INSURED_FAMILY_MEMBER, ReviewReason.GIVEN_NAME_DISAGREES));
    }

    @Test
    void theCardWithoutBranchNumberIsOnlyWeakEvidence() {
        Demographics namesOnly = Patients.withoutContact(Patients.satoHiroshi());

        MatchOutcome card = match(namesOnly, InsuredNumberTest.key("06139999:あいう:187"));
        MatchOutcome person = match(namesOnly, satoCard);

        double cardWeight = total(card) - total(matcher.match(namesOnly, List.of(sato)));
        double personWeight = total(person) - total(matcher.match(namesOnly, List.of(sato)));
        assertThat(cardWeight).isPositive().isLessThan(5);
        assertThat(personWeight).isGreaterThan(15);
        assertThat(total(card)).as("under the auto-link threshold by its weight").isLessThan(35);
    }

    /**
     * Issue 65: a receipt carries no phone nor address; names, birth date and sex exact and the same card without 枝番
     * link (Matcher.sameInsuredPerson) although the card's weight leaves the score under the threshold — no two family
     * members on one card share full name, birth date and sex — while the card with anything else differing, or exact
     * names without a number, wait for an operator.
     */
    @Test
    void anExactMatchOnTheSameCardLinksWhereTheCardsWeightAloneWouldNot() {
        Demographics receipt = Patients.withoutContact(Patients.satoHiroshi());
        InsuredKeys.Key cardOnly = InsuredNumberTest.key("06139999:あいう:187");

        MatchOutcome exact = match(receipt, cardOnly);
        MatchOutcome brother = match(Patients.withoutContact(Patients.satoTakeshi()), cardOnly);
        MatchOutcome oneDigitOff = match(Patients.with(receipt, LocalDate.of(1945, 3, 13)), cardOnly);
        MatchOutcome otherReading = match(Patients.with(receipt, "佐東", "サトウ"), cardOnly);
        MatchOutcome noNumber = matcher.match(receipt, List.of(sato));

        assertThat(exact).isInstanceOfSatisfying(AutoLink.class, link -> {
            assertThat(link.best().person()).isEqualTo(sato);
            assertThat(link.best().score().total()).isLessThan(35);
            assertThat(link.best().score().level(MatchField.INSURED_NUMBER)).isEqualTo(Agreement.SAME_CARD);
        });
        assertThat(brother).as("a brother on the card: his given name disagrees").isInstanceOfSatisfying(Review.class,
                review -> assertThat(review.best().score().level(MatchField.GIVEN_NAME)).isEqualTo(Agreement.DISAGREE));
        assertThat(oneDigitOff).isInstanceOfSatisfying(Review.class,
                review -> assertThat(review.reasons()).containsExactly(ReviewReason.SCORE_BELOW_AUTO_LINK));
        assertThat(otherReading).as("佐東 and 佐藤 read alike: not exact").isInstanceOf(Review.class);
        assertThat(noNumber).isInstanceOfSatisfying(Review.class,
                review -> assertThat(review.reasons()).containsExactly(ReviewReason.SCORE_BELOW_AUTO_LINK));
    }

    @Test
    void anotherCardCountsALittleAgainstAndNoNumberNotAtAll() {
        MatchOutcome other = match(Patients.satoHiroshi(), InsuredNumberTest.key("01130012:ｱｲｳ:9:01"));
        MatchOutcome none = match(Patients.satoHiroshi(), null);
        double without = total(matcher.match(Patients.satoHiroshi(), List.of(sato)));

        assertThat(other).isInstanceOf(AutoLink.class);
        assertThat(total(other) - without).isNegative().isGreaterThan(-3);
        assertThat(total(none)).isEqualTo(without);
        assertThat(none.candidates().getFirst().score().breakdown()).extracting(FieldScore::field)
                .doesNotContain(MatchField.INSURED_NUMBER.name());
    }
}
