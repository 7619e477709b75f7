package org.musubi.identity.linkage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditEntry;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.Person;
import org.musubi.identity.RegisteredPerson;
import org.musubi.identity.SourcePatient;
import org.musubi.identity.internal.RegionalIds;
import org.musubi.identity.matching.BlockingKeys;
import org.musubi.identity.matching.InsuredKeys;
import org.musubi.identity.matching.Matcher;

/**
 * 名寄せ for a batch of received source patients (an import delivers thousands), with the decisions
 * of {@link MatchSourcePatient} made one after another: stores them, leaves those already linked
 * alone, fetches the candidates of the whole batch at once (by demographic keys and, for a patient with an
 * insured-person number, by its card key, as {@link MatchSourcePatient} does), decides ({@link BatchDecisions}), writes
 * persons, links and reviews in one transaction and then one audit row per decision.
 */
public final class MatchSourcePatients {

    private final IdentityBatches batches;
    private final BatchDecisions decisions;
    private final Audit audit;
    private final MatchReviews reviews;

    public MatchSourcePatients(IdentityBatches batches, Matcher matcher, Audit audit, MatchReviews reviews, int threads) {
        this.batches = batches;
        this.decisions = new BatchDecisions(matcher, threads);
        this.audit = audit;
        this.reviews = reviews;
    }

    /**
     * Receives (as {@link IdentityStore#receive}) and matches a batch; returns one result per element of
     * {@code received}, in its order. When the same (facility, local id) comes twice, the last
     * demographics are stored and matched once, and both get that result. Already linked source
     * patients give {@link MatchResult.Linked} with a score of NaN, as in {@link MatchSourcePatient}.
     */
    public List<MatchResult> match(long userId, List<SourcePatient> received) {
        List<SourcePatient> stored = batches.receiveAll(lastOfEach(received));
        Map<Long, MatchResult> results = matched(userId, stored, audit::recordAll);
        Map<String, Long> idsByLocal = new HashMap<>();
        stored.forEach(s -> idsByLocal.put(local(s), s.id()));
        return received.stream().map(r -> results.get(idsByLocal.get(local(r)))).toList();
    }

    /**
     * Matches source patients already stored ({@link IdentityBatches#receiveAll}), each once, in the caller's
     * transaction, which must exist: the persons, links and reviews it writes and their audit rows commit or roll back
     * with the caller's work, so that an import chunk that fails leaves no person nor link its data never arrived for.
     * The audit chain stays locked until that commit, so call it at the end. Gives each one's result by its id.
     */
    public Map<Long, MatchResult> matchStored(long userId, List<SourcePatient> stored) {
        return matched(userId, stored, audit::recordAllInTransaction);
    }

    private Map<Long, MatchResult> matched(long userId, List<SourcePatient> stored,
                                           Consumer<List<AuditEntry>> audited) {
        Map<Long, Long> linked = batches.personsOf(stored.stream().map(SourcePatient::id).toList());
        List<SourcePatient> open = stored.stream().filter(s -> !linked.containsKey(s.id())).toList();
        Map<Long, MatchResult> results = new HashMap<>();
        linked.forEach((source, person) -> results.put(source, new MatchResult.Linked(person, Double.NaN)));
        if (!open.isEmpty()) {
            results.putAll(decideAndWrite(userId, open, audited));
        }
        return results;
    }

    private Map<Long, MatchResult> decideAndWrite(long userId, List<SourcePatient> open,
                                                  Consumer<List<AuditEntry>> audited) {
        Map<Long, InsuredKeys.Key> insured = batches.insuredOf(open.stream().map(SourcePatient::id).toList());
        List<InsuredKeys.Key> numbers = open.stream().map(s -> insured.get(s.id())).toList();
        List<Set<String>> keys = new ArrayList<>(open.size());
        for (SourcePatient s : open) {
            Set<String> own = new LinkedHashSet<>(BlockingKeys.query(NewPersons.demographics(s)));
            if (insured.containsKey(s.id())) {
                own.add(insured.get(s.id()).blockingKey());
            }
            keys.add(own);
        }
        List<List<RegisteredPerson>> found = batches.candidates(keys, MatchSourcePatient.MAX_CANDIDATES);
        Map<String, Long> knownIds = new HashMap<>();
        Set<Long> numbered = new HashSet<>();
        List<List<Person>> stored = new ArrayList<>(found.size());
        for (int i = 0; i < found.size(); i++) {
            List<RegisteredPerson> candidates = found.get(i);
            candidates.forEach(p -> knownIds.put(p.person().regionalId(), p.id()));
            if (numbers.get(i) != null) {
                candidates.forEach(p -> numbered.add(p.id()));
            }
            stored.add(candidates.stream().map(RegisteredPerson::person).toList());
        }
        Map<String, List<InsuredKeys.Key>> personNumbers = new HashMap<>();
        if (!numbered.isEmpty()) {
            Map<Long, String> regional = new HashMap<>();
            knownIds.forEach((regionalId, id) -> regional.put(id, regionalId));
            batches.insuredOfPersons(numbered).forEach((id, keysOf) -> personNumbers.put(regional.get(id), keysOf));
        }
        Iterator<String> regionalIds = freshRegionalIds(open.size()).iterator();
        List<MatchDecision> decided = decisions.decide(open, keys, stored,
                new BatchDecisions.Numbers(numbers, personNumbers), MatchSourcePatient.MAX_CANDIDATES, regionalIds::next);
        BatchPlan plan = BatchPlan.of(decided);
        LinkageBatch.Written written = batches.write(plan.batch(), userId);
        knownIds.putAll(written.personIds());
        audited.accept(plan.auditEntries(written));
        Map<Long, MatchResult> results = new HashMap<>(plan.results(knownIds, written));
        results.putAll(rematchWaiting(userId, plan.batch().newPersons(), audited));
        return results;
    }

    /**
     * As {@link MatchSourcePatient#rematchWaitingFor}, in the batch's transaction and audit: the patients waiting in
     * review without a kana name, born as one of the batch's new persons was, are matched again (their reviews closed
     * as {@code REMATCHED}). They never make a person by themselves, so this goes one level deep at most.
     */
    private Map<Long, MatchResult> rematchWaiting(long userId, List<Person> created,
                                                  Consumer<List<AuditEntry>> audited) {
        Map<Long, Long> waiting = new LinkedHashMap<>();
        Set<String> asked = new HashSet<>();
        for (Person person : created) {
            if (asked.add(person.birthDate() + "/" + person.sex())) {
                waiting.putAll(reviews.waitingWithoutKana(person.birthDate(), person.sex()));
            }
        }
        List<SourcePatient> again = new ArrayList<>();
        List<AuditEntry> closed = new ArrayList<>();
        waiting.forEach((reviewId, sourcePatientId) -> {
            if (reviews.close(reviewId, "REMATCHED", null, userId)) {
                closed.add(MatchAudits.rematched(reviewId, sourcePatientId));
                reviews.find(reviewId).map(MatchReviews.OpenReview::sourcePatient).ifPresent(again::add);
            }
        });
        if (again.isEmpty()) {
            return Map.of();
        }
        audited.accept(closed);
        return decideAndWrite(userId, again, audited);
    }

    /** As many fresh regional IDs as the batch could need, none in use. */
    private Set<String> freshRegionalIds(int count) {
        Set<String> fresh = new LinkedHashSet<>();
        while (fresh.size() < count) {
            while (fresh.size() < count) {
                fresh.add(RegionalIds.fresh(fresh::contains));
            }
            fresh.removeAll(batches.regionalIdsInUse(fresh));
        }
        return fresh;
    }

    private static List<SourcePatient> lastOfEach(List<SourcePatient> received) {
        Map<String, SourcePatient> last = new LinkedHashMap<>();
        received.forEach(r -> last.put(local(r), r));
        return List.copyOf(last.values());
    }

    private static String local(SourcePatient s) {
        return s.facilityId() + "\u001f" + s.localId();
    }
}
