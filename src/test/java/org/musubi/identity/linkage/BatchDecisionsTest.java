package org.musubi.identity.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.musubi.identity.Person;
import org.musubi.identity.RegionalId;
import org.musubi.identity.Sex;
import org.musubi.identity.SourcePatient;
import org.musubi.identity.matching.BlockingKeys;
import org.musubi.identity.matching.Demographics;
import org.musubi.identity.matching.InsuredKeys;
import org.musubi.identity.matching.Matcher;
import org.musubi.synth.SourceRecord;
import org.musubi.synth.SourceRecordGenerator;
import org.musubi.synth.SyntheticNetworkGenerator;

class BatchDecisionsTest {

    private static final int LIMIT = 500;
    private final Matcher matcher = new Matcher();
    private final BatchDecisions decisions = new BatchDecisions(matcher, 2);

    @Test
    void twoRecordsOfOneUnseenPatientInABatchMakeOnePerson() {
        List<SourcePatient> batch = List.of(sato(1), sato(2));

        List<MatchDecision> decided = decide(batch, noneStored(2), LIMIT);

        assertThat(decided.get(0)).isInstanceOf(MatchDecision.Create.class);
        Person created = ((MatchDecision.Create) decided.get(0)).person();
        assertThat(decided.get(1)).isInstanceOfSatisfying(MatchDecision.Link.class,
                link -> assertThat(link.best().person()).isEqualTo(created));
    }

    @Test
    void aTwinLaterInTheBatchIsReviewedWithThePersonCreatedBeforeIt() {
        SourcePatient twin = patient(2, "武", "タケシ", LocalDate.of(1945, 3, 12), "082-211-4455");

        List<MatchDecision> decided = decide(List.of(sato(1), twin), noneStored(2), LIMIT);

        Person created = ((MatchDecision.Create) decided.get(0)).person();
        assertThat(decided.get(1)).isInstanceOfSatisfying(MatchDecision.Queue.class, queue -> {
            assertThat(queue.shown()).extracting(c -> c.person()).containsExactly(created);
            assertThat(queue.reasons()).contains("GIVEN_NAME_DISAGREES");
        });
    }

    @Test
    void patientsSharingNoKeyBecomeTwoPersonsWithTheirOwnRegionalIds() {
        SourcePatient other = patient(2, "実", "ミノル", LocalDate.of(1961, 7, 30), "0823-22-8811");

        List<MatchDecision> decided = decide(List.of(sato(1), other), noneStored(2), LIMIT);

        assertThat(decided).allSatisfy(d -> assertThat(d).isInstanceOf(MatchDecision.Create.class));
        assertThat(decided).extracting(d -> ((MatchDecision.Create) d).person().regionalId()).doesNotHaveDuplicates();
    }

    @Test
    void storedCandidatesFillingTheLimitLeaveNoRoomForPersonsOfTheBatchAsInTheDatabaseQuery() {
        Person stranger = NewPersons.of(RegionalId.append("%015d".formatted(9)),
                patient(9, "実", "ミノル", LocalDate.of(1961, 7, 30), "0823-22-8811"));
        List<List<Person>> stored = List.of(List.of(), List.of(stranger));

        List<MatchDecision> decided = decide(List.of(sato(1), sato(2)), stored, 1);

        assertThat(decided).allSatisfy(d -> assertThat(d).isInstanceOf(MatchDecision.Create.class));
    }

    @Test
    void anIncompletePatientIsQueuedAndCreatesNobodyForLaterRecordsToMatch() {
        SourcePatient noBirthDate = patient(1, "博", "ヒロシ", null, "082-211-4455");

        List<MatchDecision> decided = decide(List.of(noBirthDate, sato(2)), noneStored(2), LIMIT);

        assertThat(decided.get(0)).isInstanceOfSatisfying(MatchDecision.Queue.class,
                queue -> assertThat(queue.reasons()).containsExactly(MatchDecision.NO_BIRTH_DATE));
        assertThat(decided.get(1)).isInstanceOf(MatchDecision.Create.class);
    }

    /**
     * Issue 65: a kana name kept whole (sent without a separator the import could split) is a name: with sex and birth
     * date a new person is made of it, and a later record of the same person with the name in two parts joins it.
     */
    @Test
    void aWholeKanaNameMakesAPersonThatTheSameNameInTwoPartsJoins() {
        SourcePatient receipt = new SourcePatient(1, 1, "L1", "佐藤", "博", "サトウヒロシ", null, Sex.MALE,
                LocalDate.of(1945, 3, 12), "730-0011", "広島県広島市中区若葉町1丁目2番3号", "082-211-4455");

        List<MatchDecision> decided = decide(List.of(receipt, sato(2)), noneStored(2), LIMIT);

        assertThat(decided.get(0)).isInstanceOfSatisfying(MatchDecision.Create.class, create -> {
            assertThat(create.person().familyKana()).isEqualTo("サトウヒロシ");
            assertThat(create.person().givenKana()).isEmpty();
        });
        assertThat(decided.get(1)).isInstanceOf(MatchDecision.Link.class);
    }

    @Test
    void aPatientNobodyResemblesIsToldWhatANewPersonLacks() {
        SourcePatient kanjiOnly = new SourcePatient(1, 1, "L1", "佐藤", "博", null, null, Sex.MALE,
                LocalDate.of(1945, 3, 12), null, null, null);
        SourcePatient nothing = new SourcePatient(2, 1, "L2", null, null, null, null, null, null, null, null, null);

        assertThat(MatchDecision.missing(kanjiOnly)).containsExactly(MatchDecision.NO_KANA_NAME);
        assertThat(MatchDecision.missing(nothing)).containsExactly(MatchDecision.NO_NAME, MatchDecision.NO_SEX,
                MatchDecision.NO_BIRTH_DATE);
        assertThat(NewPersons.registrable(kanjiOnly)).isTrue();
        assertThat(NewPersons.registrable(new SourcePatient(3, 1, "L3", "佐藤博", null, null, null, Sex.MALE,
                LocalDate.of(1945, 3, 12), null, null, null))).as("a kanji name in one piece").isTrue();
        assertThat(NewPersons.of(RegionalId.append("%015d".formatted(3)), new SourcePatient(3, 1, "L3", "佐藤博", null,
                null, null, Sex.MALE, LocalDate.of(1945, 3, 12), null, null, null)).givenKanji()).isEmpty();
        assertThat(NewPersons.registrable(nothing)).isFalse();
    }

    private static final InsuredKeys.Key CARD_01 = new InsuredKeys.Key("card-hash-of-the-test-card", "member-hash-of-01");
    private static final InsuredKeys.Key CARD_02 = new InsuredKeys.Key("card-hash-of-the-test-card", "member-hash-of-02");

    @Test
    void theSameInsuredNumberLinksAStoredPersonThatNamesBirthDateAndSexAloneOnlyQueue() {
        Person stored = NewPersons.of(RegionalId.append("%015d".formatted(9)), sato(9));
        SourcePatient noContact = new SourcePatient(1, 2, "R1", "佐藤", "博", "サトウ", "ヒロシ", Sex.MALE,
                LocalDate.of(1945, 3, 12), null, null, null);
        List<List<Person>> candidates = List.of(List.of(stored));

        MatchDecision alone = decide(List.of(noContact), candidates, LIMIT).getFirst();
        MatchDecision numbered = decide(List.of(noContact), candidates, new BatchDecisions.Numbers(
                Collections.singletonList(CARD_01), Map.of(stored.regionalId(), List.of(CARD_01)))).getFirst();
        MatchDecision family = decide(List.of(noContact), candidates, new BatchDecisions.Numbers(
                Collections.singletonList(CARD_02), Map.of(stored.regionalId(), List.of(CARD_01)))).getFirst();

        assertThat(alone).isInstanceOfSatisfying(MatchDecision.Queue.class,
                queue -> assertThat(queue.reasons()).containsExactly("SCORE_BELOW_AUTO_LINK"));
        assertThat(numbered).isInstanceOfSatisfying(MatchDecision.Link.class,
                link -> assertThat(link.best().person()).isEqualTo(stored));
        assertThat(family).as("another 枝番 on the card").isInstanceOf(MatchDecision.Queue.class);
    }

    @Test
    void aFamilyMemberOnTheSameCardIsQueuedWithThatReasonHoweverAlike() {
        Person stored = NewPersons.of(RegionalId.append("%015d".formatted(9)), sato(9));

        MatchDecision decided = decide(List.of(sato(1)), List.of(List.of(stored)), new BatchDecisions.Numbers(
                Collections.singletonList(CARD_02), Map.of(stored.regionalId(), List.of(CARD_01)))).getFirst();

        assertThat(decided).isInstanceOfSatisfying(MatchDecision.Queue.class,
                queue -> assertThat(queue.reasons()).containsExactly("INSURED_FAMILY_MEMBER"));
    }

    @Test
    void aPersonCreatedEarlierInTheBatchCarriesItsPatientsNumber() {
        List<SourcePatient> batch = List.of(sato(1), sato(2));

        List<MatchDecision> decided = decide(batch, noneStored(2),
                new BatchDecisions.Numbers(List.of(CARD_01, CARD_02), Map.of()));

        Person created = ((MatchDecision.Create) decided.get(0)).person();
        assertThat(decided.get(1)).as("all alike but the 枝番: a family member, not the person just created")
                .isInstanceOfSatisfying(MatchDecision.Queue.class, queue -> {
                    assertThat(queue.shown()).extracting(c -> c.person()).containsExactly(created);
                    assertThat(queue.reasons()).containsExactly("INSURED_FAMILY_MEMBER");
                });
    }

    @Test
    void decidesSyntheticRecordsAsMatchingThemOneByOneWouldOnAnyNumberOfThreads() {
        List<Person> population = new SyntheticNetworkGenerator().persons(11, 300, 34).toList();
        List<SourceRecord> records = new SourceRecordGenerator().records(11, 600, 400, 34).toList();
        List<SourcePatient> batch = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            Demographics d = records.get(i).demographics();
            batch.add(new SourcePatient(i + 1, 1, "R" + i, d.familyKanji(), d.givenKanji(), d.familyKana(), d.givenKana(),
                    d.sex(), d.birthDate(), d.postalCode(), d.address(), d.phone()));
        }
        List<List<Person>> stored = batch.stream().map(s -> sharingAKey(s, population)).toList();

        List<MatchDecision> oneThread = decide(new BatchDecisions(matcher, 1), batch, stored, LIMIT);
        List<MatchDecision> twoThreads = decide(decisions, batch, stored, LIMIT);
        List<MatchDecision> oneByOne = oneByOne(batch, population);

        assertThat(twoThreads).isEqualTo(oneThread).isEqualTo(oneByOne);
        Set<Person> created = oneByOne.stream().filter(d -> d instanceof MatchDecision.Create)
                .map(d -> ((MatchDecision.Create) d).person()).collect(Collectors.toSet());
        assertThat(oneByOne).as("records linked to a person created earlier in the batch")
                .filteredOn(d -> d instanceof MatchDecision.Link link && created.contains(link.best().person()))
                .hasSizeGreaterThan(10);
    }

    /** The reference: each patient matched against the stored persons and those created before it, like the single path. */
    private List<MatchDecision> oneByOne(List<SourcePatient> batch, List<Person> population) {
        List<Person> persons = new ArrayList<>(population);
        Supplier<String> ids = regionalIds();
        List<MatchDecision> decided = new ArrayList<>();
        for (SourcePatient s : batch) {
            MatchDecision d = MatchDecision.of(s, matcher.match(NewPersons.demographics(s), sharingAKey(s, persons)), ids);
            if (d instanceof MatchDecision.Create create) {
                persons.add(create.person());
            }
            decided.add(d);
        }
        return decided;
    }

    private static List<Person> sharingAKey(SourcePatient s, List<Person> persons) {
        Set<String> keys = BlockingKeys.of(NewPersons.demographics(s));
        return persons.stream().filter(p -> !Collections.disjoint(keys, BlockingKeys.of(Demographics.of(p)))).toList();
    }

    private List<MatchDecision> decide(List<SourcePatient> batch, List<List<Person>> stored, int limit) {
        return decide(decisions, batch, stored, limit);
    }

    private static List<MatchDecision> decide(BatchDecisions with, List<SourcePatient> batch, List<List<Person>> stored,
                                              int limit) {
        List<Set<String>> keys = batch.stream().map(s -> BlockingKeys.of(NewPersons.demographics(s))).toList();
        return with.decide(batch, keys, stored, limit, regionalIds());
    }

    /** With the patients' numbers: each patient's card key among its blocking keys, as {@link MatchSourcePatients} asks. */
    private List<MatchDecision> decide(List<SourcePatient> batch, List<List<Person>> stored, BatchDecisions.Numbers numbers) {
        List<Set<String>> keys = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Set<String> own = new LinkedHashSet<>(BlockingKeys.of(NewPersons.demographics(batch.get(i))));
            own.add(numbers.of(i).blockingKey());
            keys.add(own);
        }
        return decisions.decide(batch, keys, stored, numbers, LIMIT, regionalIds());
    }

    /** Regional IDs 900…001, 900…002, … in the order asked for. */
    private static Supplier<String> regionalIds() {
        AtomicLong next = new AtomicLong(900_000_000_000_000L);
        return () -> RegionalId.append(String.valueOf(next.incrementAndGet()));
    }

    private static List<List<Person>> noneStored(int count) {
        return Collections.nCopies(count, List.of());
    }

    private static SourcePatient sato(long id) {
        return patient(id, "博", "ヒロシ", LocalDate.of(1945, 3, 12), "082-211-4455");
    }

    private static SourcePatient patient(long id, String givenKanji, String givenKana, LocalDate birth, String phone) {
        return new SourcePatient(id, 1, "L" + id, "佐藤", givenKanji, "サトウ", givenKana, Sex.MALE, birth,
                "730-0011", "広島県広島市中区若葉町1丁目2番3号", phone);
    }
}
