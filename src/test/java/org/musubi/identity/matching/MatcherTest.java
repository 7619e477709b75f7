package org.musubi.identity.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.musubi.identity.Person;
import org.musubi.identity.Sex;

class MatcherTest {

    private final Matcher matcher = new Matcher();
    private final Person sato = Patients.person(1, Patients.satoHiroshi());
    private final Person suzuki = Patients.person(2, Patients.suzukiMinoru());

    @Test
    void linksAnExactDuplicateAutomaticallyAndListsCandidatesBestFirst() {
        MatchOutcome outcome = matcher.match(Patients.satoHiroshi(), List.of(suzuki, sato));

        assertThat(outcome).isInstanceOfSatisfying(AutoLink.class, link -> {
            assertThat(link.best().person()).isEqualTo(sato);
            assertThat(link.candidates()).extracting(Candidate::person).containsExactly(sato, suzuki);
        });
    }

    @Test
    void findsANewPersonWhenNoCandidateComesClose() {
        MatchOutcome outcome = matcher.match(Patients.suzukiMinoru(), List.of(sato));

        assertThat(outcome).isInstanceOf(NewPerson.class);
        assertThat(outcome.candidates()).extracting(Candidate::person).containsExactly(sato);
    }

    @Test
    void sendsNamesAndBirthDateWithoutAnyContactDetailToReview() {
        MatchOutcome outcome = matcher.match(Patients.withoutContact(Patients.satoHiroshi()), List.of(sato));

        assertThat(outcome).isInstanceOfSatisfying(Review.class, review -> {
            assertThat(review.best().person()).isEqualTo(sato);
            assertThat(review.reasons()).containsExactly(ReviewReason.SCORE_BELOW_AUTO_LINK);
        });
    }

    @Test
    void neverLinksAutomaticallyWhenTheBirthDateDisagrees() {
        Demographics child = Patients.with(Patients.satoHiroshi(), LocalDate.of(1975, 8, 30));

        assertReviewedFor(child, ReviewReason.BIRTH_DATE_DISAGREES);
    }

    @Test
    void neverLinksAutomaticallyWhenTheSexDisagrees() {
        assertReviewedFor(Patients.with(Patients.satoHiroshi(), Sex.FEMALE), ReviewReason.SEX_DISAGREES);
    }

    @Test
    void neverLinksAutomaticallyWhenFamilyAndGivenNameBothDisagree() {
        Demographics other = new Demographics("田中", "茂", "タナカ", "シゲル", Sex.MALE, LocalDate.of(1945, 3, 12),
                "730-0011", "広島県広島市中区若葉町1丁目2番3号", "082-211-4455");

        assertReviewedFor(other, ReviewReason.NAMES_DISAGREE);
    }

    @Test
    void neverLinksATwinAutomatically() {
        assertReviewedFor(Patients.satoTakeshi(), ReviewReason.GIVEN_NAME_DISAGREES);
    }

    @Test
    void sendsTwoEqualCandidatesToReview() {
        Person duplicate = Patients.person(3, Patients.satoHiroshi());

        MatchOutcome outcome = matcher.match(Patients.satoHiroshi(), List.of(sato, duplicate, duplicate));

        assertThat(outcome).isInstanceOfSatisfying(Review.class, review -> {
            assertThat(review.reasons()).containsExactly(ReviewReason.CLOSE_RUNNER_UP);
            assertThat(review.candidates()).extracting(Candidate::person).containsExactly(sato, duplicate);
        });
    }

    @Test
    void sendsTheBestToReviewWhenARunnerUpComesWithinTenBits() {
        Demographics query = new Demographics("佐藤", "博", "サトウ", "ヒロシ", Sex.MALE, LocalDate.of(1945, 3, 12),
                "730-0011", null, null);
        Person namesake = Patients.person(5, new Demographics("佐藤", "博", "サトウ", "ヒロシ", Sex.MALE,
                LocalDate.of(1945, 3, 12), "730-0854", "広島県広島市中区桜町2丁目2番2号", "090-5555-6666"));

        MatchOutcome outcome = matcher.match(query, List.of(sato, namesake));

        assertThat(outcome).isInstanceOfSatisfying(Review.class, review -> {
            assertThat(review.best().person()).isEqualTo(sato);
            assertThat(review.best().score().total()).isGreaterThanOrEqualTo(MatchThresholds.defaults().autoLink());
            assertThat(review.reasons()).containsExactly(ReviewReason.CLOSE_RUNNER_UP);
            assertThat(review.candidates()).extracting(Candidate::person).containsExactly(sato, namesake);
        });
    }

    @Test
    void marriedWomanWhoKeptHomeAndPhoneIsLinkedAutomatically() {
        Demographics hanako = new Demographics("山田", "花子", "ヤマダ", "ハナコ", Sex.FEMALE, LocalDate.of(1988, 6, 21),
                "730-0011", "広島県広島市中区若葉町1丁目2番3号", "090-1111-2222");
        Person registered = Patients.person(4, hanako);

        MatchOutcome outcome = matcher.match(Patients.with(hanako, "田中", "タナカ"), List.of(registered));

        assertThat(outcome).isInstanceOf(AutoLink.class);
    }

    @Test
    void honoursCustomThresholds() {
        Matcher strict = new Matcher(MatchWeights.defaults(), new MatchThresholds(100, 50));

        assertThat(strict.match(Patients.satoHiroshi(), List.of(sato))).isInstanceOf(Review.class);
    }

    private void assertReviewedFor(Demographics query, ReviewReason reason) {
        MatchOutcome outcome = matcher.match(query, List.of(sato));

        assertThat(outcome).isInstanceOfSatisfying(Review.class, review -> {
            assertThat(review.best().score().total()).isGreaterThanOrEqualTo(MatchThresholds.defaults().autoLink());
            assertThat(review.reasons()).contains(reason);
        });
    }
}
