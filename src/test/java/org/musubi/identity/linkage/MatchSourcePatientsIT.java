package org.musubi.identity.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.musubi.audit.AuditTrail;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.Person;
import org.musubi.identity.Persons;
import org.musubi.identity.Sex;
import org.musubi.identity.SourcePatient;
import org.musubi.identity.matching.Demographics;
import org.musubi.registry.FacilityKind;
import org.musubi.synth.SourceRecord;
import org.musubi.synth.SourceRecordGenerator;
import org.musubi.synth.SyntheticNetworkGenerator;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Bulk 名寄せ through the database: the single path's outcomes, one person per unseen patient, audit and idempotence. */
@MusubiIntegrationTest
class MatchSourcePatientsIT extends NetworkFixtures {

    private static final int PREFECTURE = 13;

    @Autowired
    MatchSourcePatients bulk;
    @Autowired
    MatchSourcePatient single;
    @Autowired
    IdentityStore store;
    @Autowired
    Persons persons;
    @Autowired
    MatchReviews reviews;
    @Autowired
    AuditTrail trail;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void batchesDecideSyntheticRecordsAsTheSinglePathDoesAndAuditEachDecisionOnce() {
        // 600 of 1,000 persons are stored; records of the other 400 come several times, unseen before.
        List<Person> population = new SyntheticNetworkGenerator().persons(4711, 1_000, PREFECTURE).toList();
        persons.registerAll(population.subList(0, 600));
        List<SourcePatient> received = received(new SourceRecordGenerator().records(4711, 1_000, 800, PREFECTURE).toList());
        Set<Long> personsBefore = personIds();
        List<String> oneByOne = singlePathRolledBack(received, personsBefore);
        assertThat(personIds()).isEqualTo(personsBefore);
        long seq = audit.max();

        Outcomes batched = new Outcomes(personsBefore);
        for (int from = 0; from < received.size(); from += 250) {
            List<SourcePatient> batch = received.subList(from, Math.min(received.size(), from + 250));
            bulk.match(0, batch).forEach(batched::add);
        }

        assertThat(batched.lines).containsExactlyElementsOf(oneByOne);
        assertThat(oneByOne).anyMatch(o -> o.startsWith("LINK P")).anyMatch(o -> o.startsWith("LINK N"))
                .anyMatch(o -> o.equals("NEW")).anyMatch(o -> o.startsWith("REVIEW"));
        Map<String, Long> audited = auditedSince(seq);
        assertThat(audited).containsOnlyKeys("IDENTITY_LINK", "PERSON_CREATE", "MATCH_REVIEW");
        assertThat(audited.get("IDENTITY_LINK")).isEqualTo(batched.lines.stream().filter(o -> o.startsWith("LINK")).count());
        assertThat(audited.get("PERSON_CREATE")).isEqualTo(batched.lines.stream().filter(o -> o.equals("NEW")).count());
        assertThat(audited.get("MATCH_REVIEW")).isEqualTo(batched.lines.stream().filter(o -> o.startsWith("REVIEW")).count());
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void recordsOfOneUnseenPatientInABatchAndInTheNextBecomeOnePerson() {
        Demographics patient = unseen();
        long hospital = accounts.facilityOf(FacilityKind.HOSPITAL).id();
        long clinic = accounts.facilityOf(FacilityKind.CLINIC).id();

        List<MatchResult> first = bulk.match(0, List.of(source(hospital, patient), source(clinic, halfWidth(patient))));
        List<MatchResult> next = bulk.match(0, List.of(source(clinic, patient)));

        long personId = ((MatchResult.NewPerson) first.getFirst()).personId();
        assertThat(first.get(1)).isInstanceOfSatisfying(MatchResult.Linked.class,
                l -> assertThat(l.personId()).isEqualTo(personId));
        assertThat(next.getFirst()).isInstanceOfSatisfying(MatchResult.Linked.class,
                l -> assertThat(l.personId()).isEqualTo(personId));
        assertThat(store.sourcePatientsOf(personId)).hasSize(3);
        assertThat(jdbc.sql("SELECT count(*) FROM person WHERE given_kana = ?").param(patient.givenKana())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void runningTheSameBatchAgainCreatesNoPersonLinkOrReviewAndLeavesLinkedPatientsAlone() {
        Demographics patient = unseen();
        Demographics noBirthDate = new Demographics("不明", "花子", "フメイ", "ハナコ", Sex.FEMALE, null, null, null,
                "090-" + ThreadLocalRandom.current().nextInt(1000, 9999) + "-0000");
        long hospital = accounts.facilityOf(FacilityKind.HOSPITAL).id();
        List<SourcePatient> batch = List.of(source(hospital, patient), source(hospital, patient), source(hospital, noBirthDate));
        List<MatchResult> first = bulk.match(0, batch);
        Map<String, Long> before = counts();
        long seq = audit.max();

        List<MatchResult> again = bulk.match(0, batch);

        assertThat(counts()).isEqualTo(before);
        long personId = ((MatchResult.NewPerson) first.getFirst()).personId();
        assertThat(first.get(1)).isInstanceOfSatisfying(MatchResult.Linked.class,
                l -> assertThat(l.personId()).isEqualTo(personId));
        assertThat(again.subList(0, 2)).containsOnly(new MatchResult.Linked(personId, Double.NaN));
        assertThat(again.get(2)).isEqualTo(first.get(2)).isInstanceOf(MatchResult.Queued.class);
        assertThat(reviews.find(((MatchResult.Queued) again.get(2)).reviewId()).orElseThrow().reasons())
                .containsExactly("NO_BIRTH_DATE");
        assertThat(auditedSince(seq)).containsExactly(Map.entry("MATCH_REVIEW", 1L));
    }

    /** The single path's outcomes for the same records, matched one by one in a transaction that is rolled back. */
    private List<String> singlePathRolledBack(List<SourcePatient> received, Set<Long> personsBefore) {
        return new TransactionTemplate(transactions).execute(status -> {
            status.setRollbackOnly();
            Outcomes outcomes = new Outcomes(personsBefore);
            received.forEach(r -> outcomes.add(single.match(0, store.receive(r).id())));
            return outcomes.lines;
        });
    }

    /**
     * Outcomes in words that both runs can share: a person stored before is "P" + id, one created
     * during the run "N" + the number of the record that created it; reviews list their reasons and candidates.
     */
    private final class Outcomes {
        final List<String> lines = new ArrayList<>();
        private final Map<Long, Integer> created = new HashMap<>();
        /** Person ids are random: a person stored before is known by being among these, not by a smaller id. */
        private final Set<Long> personsBefore;

        Outcomes(Set<Long> personsBefore) {
            this.personsBefore = personsBefore;
        }

        void add(MatchResult result) {
            lines.add(switch (result) {
                case MatchResult.Linked l -> "LINK " + person(l.personId()) + String.format(Locale.ROOT, " %.6f", l.score());
                case MatchResult.NewPerson n -> {
                    created.put(n.personId(), lines.size());
                    yield "NEW";
                }
                case MatchResult.Queued q -> {
                    MatchReviews.OpenReview review = reviews.find(q.reviewId()).orElseThrow();
                    yield "REVIEW " + review.reasons().stream().sorted().toList() + " " + review.candidates().stream()
                            .map(c -> person(c.personId()) + String.format(Locale.ROOT, "@%.6f %s", c.score(), c.breakdown()))
                            .sorted().toList();
                }
            });
        }

        private String person(long id) {
            return personsBefore.contains(id) ? "P" + id : "N" + created.get(id);
        }
    }

    private List<SourcePatient> received(List<SourceRecord> records) {
        long facility = accounts.facilityOf(FacilityKind.HOSPITAL).id();
        String run = "S" + ThreadLocalRandom.current().nextLong(1_000_000_000L) + "-";
        List<SourcePatient> received = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            received.add(source(facility, run + i, records.get(i).demographics()));
        }
        return received;
    }

    private static SourcePatient source(long facility, Demographics d) {
        return source(facility, "U" + ThreadLocalRandom.current().nextLong(1_000_000_000_000L), d);
    }

    private static SourcePatient source(long facility, String localId, Demographics d) {
        return new SourcePatient(0, facility, localId, d.familyKanji(), d.givenKanji(), d.familyKana(), d.givenKana(),
                d.sex(), d.birthDate(), d.postalCode(), d.address(), d.phone());
    }

    /**
     * A patient nobody in the database resembles: a unique given name, birth date, postal code, address
     * and phone (other tests' patients share the city hall's address, so a shared address and a birth
     * date drawn alike could make a near match and send this one to review).
     */
    private static Demographics unseen() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new Demographics("未見", "太郎", "ミケン", "タロウ" + random.nextInt(1000, 9999), Sex.MALE,
                LocalDate.of(1900 + random.nextInt(100), 1 + random.nextInt(12), 1 + random.nextInt(28)),
                "739-" + random.nextInt(1000, 9999), "東広島市未見町" + random.nextInt(1, 9999) + "番地",
                "080-" + random.nextInt(1000, 9999) + "-" + random.nextInt(1000, 9999));
    }

    private static Demographics halfWidth(Demographics d) {
        return new Demographics(d.familyKanji(), d.givenKanji(), "ﾐｹﾝ", d.givenKana(), d.sex(), d.birthDate(),
                d.postalCode(), d.address(), d.phone());
    }

    private Set<Long> personIds() {
        return Set.copyOf(jdbc.sql("SELECT id FROM person").query(Long.class).list());
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new HashMap<>();
        for (String table : List.of("person", "person_match_key", "person_link", "identity_event", "match_review",
                "match_review_candidate")) {
            counts.put(table, jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single());
        }
        return counts;
    }

    private Map<String, Long> auditedSince(long seq) {
        Map<String, Long> actions = new HashMap<>();
        jdbc.sql("SELECT action, count(*) FROM audit_event WHERE seq > ? GROUP BY action").param(seq)
                .query(rs -> {
                    actions.put(rs.getString(1), rs.getLong(2));
                });
        return actions;
    }
}
