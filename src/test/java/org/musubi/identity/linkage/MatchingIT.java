package org.musubi.identity.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.Person;
import org.musubi.identity.RegionalId;
import org.musubi.identity.RegisteredPerson;
import org.musubi.identity.Sex;
import org.musubi.identity.SourcePatient;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.User;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.WebSession;
import org.musubi.testing.TestRegionalIds;
import org.springframework.beans.factory.annotation.Autowired;

/** 名寄せ end to end: candidates from the blocking-key index, the three outcomes, and the review screen. */
@MusubiIntegrationTest
class MatchingIT extends NetworkFixtures {

    @Autowired
    MatchSourcePatient matching;
    @Autowired
    IdentityStore store;
    @Autowired
    MatchReviews reviews;

    @Test
    void aSureMatchIsLinkedEvenWithHalfWidthKanaAndAVariantKanji() {
        RegisteredPerson person = person("髙橋", "タカハシ", LocalDate.of(1939, 11, 2), "082-555-0101");
        SourcePatient received = received("高橋", "ﾀｶﾊｼ", LocalDate.of(1939, 11, 2), "082-555-0101", "730-0042");

        MatchResult result = matching.match(0, received.id());

        assertThat(result).isInstanceOfSatisfying(MatchResult.Linked.class, l -> assertThat(l.personId()).isEqualTo(person.id()));
        assertThat(store.personOf(received.id())).contains(person.id());
        assertThat(audit.forPatient(0, person.person().regionalId())).singleElement().asString()
                .startsWith("IDENTITY_LINK PERMIT MATCH_AUTO score ");
    }

    @Test
    void anUncertainMatchWaitsForAnOperatorWhoLinksItOnTheReviewScreen() {
        RegisteredPerson person = person("森", "モリ", LocalDate.of(1944, 2, 29), "082-555-0202");
        SourcePatient received = received("森", "モリ", LocalDate.of(1944, 2, 29), null, null);

        MatchResult result = matching.match(0, received.id());

        assertThat(result).isInstanceOf(MatchResult.Queued.class);
        assertThat(store.personOf(received.id())).isEmpty();
        long reviewId = ((MatchResult.Queued) result).reviewId();
        MatchReviews.OpenReview review = reviews.find(reviewId).orElseThrow();
        assertThat(review.candidates()).extracting(MatchReviews.ReviewCandidate::personId).contains(person.id());
        assertThat(review.candidates().getFirst().breakdown()).contains("BIRTH_DATE EXACT");

        User operator = accounts.networkAdmin();
        WebSession web = accounts.signedIn(port, operator);
        HttpResponse<String> page = web.get("/admin/matching/" + reviewId);
        assertThat(page.body()).contains(person.person().regionalId()).contains("生年月日: 一致（")
                .contains("一致度が自動連結の基準に届かない")
                .as("the codes only in words, not even in a tooltip (issue 63)").doesNotContain("BIRTH_DATE")
                .doesNotContain("SCORE_BELOW_AUTO_LINK");
        HttpResponse<String> linked = web.post("/admin/matching/" + reviewId + "/link", "personId", String.valueOf(person.id()));

        assertThat(WebSession.location(linked)).isEqualTo("/admin/matching");
        assertThat(store.personOf(received.id())).contains(person.id());
        assertThat(reviews.find(reviewId).orElseThrow().status()).isEqualTo("LINKED");
        assertThat(audit.since(0, operator.loginId())).contains("READ PERMIT policy.permit.operationsDemographics",
                "IDENTITY_LINK PERMIT MATCH_REVIEW: review " + reviewId);
    }

    @Test
    void aPharmacysNotebookFileNamesNoPatientIdAndTheReviewSaysSoInsteadOfMusubisOwnId() {
        person("森", "モリ", LocalDate.of(1944, 2, 29), "082-555-0303");
        SourcePatient notebook = store.receive(new SourcePatient(0, accounts.facilityOf(FacilityKind.PHARMACY).id(),
                "jahis-" + Long.toHexString(ThreadLocalRandom.current().nextLong(1L << 60, Long.MAX_VALUE)), "森", "健一",
                "モリ", "ケンイチ", Sex.MALE, LocalDate.of(1944, 2, 29), null, null, null));
        long reviewId = ((MatchResult.Queued) matching.match(0, notebook.id())).reviewId();

        String page = accounts.signedIn(port, accounts.networkAdmin()).get("/admin/matching/" + reviewId).body();

        assertThat(page).contains("（お薬手帳のデータ。患者IDはありません）").doesNotContain(notebook.localId());
    }

    @Test
    void somebodyNewBecomesANewRegionalPerson() {
        SourcePatient received = received("未知", "ミチ" + ThreadLocalRandom.current().nextInt(1000, 9999),
                LocalDate.of(1999, 9, 9), null, "739-0001");

        MatchResult result = matching.match(0, received.id());

        assertThat(result).isInstanceOf(MatchResult.NewPerson.class);
        RegisteredPerson created = store.person(((MatchResult.NewPerson) result).personId()).orElseThrow();
        assertThat(RegionalId.valid(created.person().regionalId())).isTrue();
        assertThat(created.person().familyKana()).isEqualTo(received.familyKana());
        assertThat(store.sourcePatientsOf(created.id())).containsExactly(received);
    }

    @Test
    void withoutABirthDateNobodyIsCreatedAutomatically() {
        SourcePatient received = store.receive(new SourcePatient(0, accounts.facilityOf(FacilityKind.CLINIC).id(),
                "X" + ThreadLocalRandom.current().nextLong(1_000_000_000L), "不明", "太郎", "フメイ", "タロウ", Sex.MALE, null,
                null, null, "090-1111-2222"));

        MatchResult result = matching.match(0, received.id());

        assertThat(result).isInstanceOf(MatchResult.Queued.class);
        assertThat(reviews.find(((MatchResult.Queued) result).reviewId()).orElseThrow().reasons())
                .containsExactly("NO_BIRTH_DATE");
    }

    private RegisteredPerson person(String familyKanji, String familyKana, LocalDate birth, String phone) {
        return store.register(new Person(TestRegionalIds.next(), familyKanji, "健一", familyKana, "ケンイチ", Sex.MALE,
                birth, "730-0042", "広島市中区国泰寺町1-6-34", phone));
    }

    private SourcePatient received(String familyKanji, String familyKana, LocalDate birth, String phone, String postal) {
        return store.receive(new SourcePatient(0, accounts.facilityOf(FacilityKind.HOSPITAL).id(),
                "M" + ThreadLocalRandom.current().nextLong(1_000_000_000L), familyKanji, "健一", familyKana, "ｹﾝｲﾁ",
                Sex.MALE, birth, postal, postal == null ? null : "広島市中区国泰寺町1-6-34", phone));
    }
}
