package org.musubi.identity.linkage;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.musubi.audit.Audit;
import org.musubi.identity.IdentityConflict;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.LinkMethod;
import org.musubi.identity.Person;
import org.musubi.identity.RegisteredPerson;
import org.musubi.identity.SourceIdentifier;
import org.musubi.identity.SourcePatient;
import org.musubi.identity.internal.RegionalIds;
import org.musubi.identity.matching.BlockingKeys;
import org.musubi.identity.matching.Demographics;
import org.musubi.identity.matching.InsuredKeys;
import org.musubi.identity.matching.Matcher;

/**
 * 名寄せ for one source patient: candidates by blocking key, scored by the matcher; a sure match is
 * linked, an uncertain one queued for an operator, and a patient nobody resembles becomes a new
 * regional person (only with name, sex and birth date known; otherwise an operator decides). A patient with an
 * insured-person number asks also for the persons with a number on the same card, and each candidate is scored on how
 * the numbers agree ({@link InsuredKeys#compare}).
 * {@link MatchSourcePatients} does the same for a batch.
 */
public final class MatchSourcePatient {

    static final int MAX_CANDIDATES = 500;
    private final IdentityStore store;
    private final MatchReviews reviews;
    private final Matcher matcher;
    private final Audit audit;

    public MatchSourcePatient(IdentityStore store, MatchReviews reviews, Matcher matcher, Audit audit) {
        this.store = store;
        this.reviews = reviews;
        this.matcher = matcher;
        this.audit = audit;
    }

    /**
     * Receives (stores or refreshes) a facility's source patient and, when it is linked to no person yet, matches it
     * as {@link #match} does (audited there); returns the source patient as stored.
     */
    public SourcePatient receiveAndMatch(long userId, SourcePatient received) {
        return receiveAndMatch(userId, received, List.of());
    }

    /**
     * As {@link #receiveAndMatch(long, SourcePatient)}, recording that these identifiers (in the facility's
     * patient-ID systems) name the source patient too, so that any of them finds it later.
     */
    public SourcePatient receiveAndMatch(long userId, SourcePatient received,
                                         Collection<SourceIdentifier> identifiers) {
        return receiveAndMatch(userId, received, identifiers, null);
    }

    /**
     * As {@link #receiveAndMatch(long, SourcePatient, Collection)}, recording also the patient's hashed insured-person
     * number ({@code null}: none sent; the one recorded before is kept), which 名寄せ uses as evidence.
     */
    public SourcePatient receiveAndMatch(long userId, SourcePatient received,
                                         Collection<SourceIdentifier> identifiers, InsuredKeys.Key insured) {
        SourcePatient stored = store.receive(received);
        if (!identifiers.isEmpty()) {
            store.receiveIdentifiers(stored.id(), identifiers);
        }
        if (insured != null) {
            store.receiveInsured(stored.id(), insured);
        }
        if (store.personOf(stored.id()).isEmpty()) {
            match(userId, stored.id());
        }
        return stored;
    }

    public MatchResult match(long userId, long sourcePatientId) {
        SourcePatient source = store.sourcePatient(sourcePatientId)
                .orElseThrow(() -> new IdentityConflict("identity.sourcePatient.unknown"));
        Long linked = store.personOf(sourcePatientId).orElse(null);
        if (linked != null) {
            return new MatchResult.Linked(linked, Double.NaN);
        }
        Demographics query = NewPersons.demographics(source);
        InsuredKeys.Key insured = store.insuredOf(sourcePatientId).orElse(null);
        Set<String> keys = new LinkedHashSet<>(BlockingKeys.query(query));
        if (insured != null) {
            keys.add(insured.blockingKey());
        }
        List<RegisteredPerson> found = store.candidates(keys, MAX_CANDIDATES);
        Map<String, Long> ids = found.stream().collect(Collectors.toMap(p -> p.person().regionalId(), RegisteredPerson::id));
        Map<Long, List<InsuredKeys.Key>> numbers = insured == null ? Map.of() : store.insuredOfPersons(ids.values());
        MatchDecision decision = MatchDecision.of(source,
                matcher.match(query, found.stream().map(RegisteredPerson::person).toList(),
                        p -> InsuredKeys.compare(insured, numbers.get(ids.get(p.regionalId())))),
                () -> RegionalIds.fresh(id -> store.personByRegionalId(id).isPresent()));
        return switch (decision) {
            case MatchDecision.Link link -> autoLink(userId, link, ids.get(link.best().person().regionalId()));
            case MatchDecision.Queue queue -> queue(queue, ids);
            case MatchDecision.Create create -> newPerson(userId, create);
        };
    }

    private MatchResult autoLink(long userId, MatchDecision.Link link, long personId) {
        long sourceId = link.source().id();
        store.link(sourceId, personId, LinkMethod.MATCH_AUTO, userId, MatchAudits.linkReason(link.best()));
        audit.record(MatchAudits.linked(sourceId, link.best()));
        return new MatchResult.Linked(personId, link.best().score().total());
    }

    private MatchResult queue(MatchDecision.Queue queue, Map<String, Long> ids) {
        List<MatchReviews.ReviewCandidate> shown = queue.shown().stream()
                .map(c -> new MatchReviews.ReviewCandidate(ids.get(c.person().regionalId()), c.score().total(),
                        Breakdowns.of(c.score()))).toList();
        long reviewId = reviews.open(queue.source().id(), shown, queue.reasons());
        audit.record(MatchAudits.queued(queue.source().id(), reviewId, queue.reasons()));
        return new MatchResult.Queued(reviewId);
    }

    private MatchResult newPerson(long userId, MatchDecision.Create create) {
        SourcePatient source = create.source();
        RegisteredPerson person = store.register(create.person());
        store.link(source.id(), person.id(), LinkMethod.MATCH_AUTO, userId, MatchAudits.NEW_PERSON);
        audit.record(MatchAudits.created(source.id(), person.person().regionalId()));
        rematchWaitingFor(userId, List.of(person.person()));
        return new MatchResult.NewPerson(person.id());
    }

    /**
     * Matches again the patients waiting in review without a kana name who were born as one of these new persons was
     * (the same day, the same sex): the new person — from another source, with kana — may be their match now. Each
     * waiting review is closed ({@code REMATCHED}, audited) and its patient matched as new (linked, or queued again
     * with the candidates it has now). A patient without kana never makes a person by itself, so this never recurses.
     */
    public void rematchWaitingFor(long userId, Collection<Person> persons) {
        Set<String> asked = new HashSet<>();
        for (Person person : persons) {
            if (person.birthDate() == null || person.sex() == null
                    || !asked.add(person.birthDate() + "/" + person.sex())) {
                continue;
            }
            reviews.waitingWithoutKana(person.birthDate(), person.sex()).forEach((reviewId, sourcePatientId) -> {
                if (reviews.close(reviewId, "REMATCHED", null, userId)) {
                    audit.record(MatchAudits.rematched(reviewId, sourcePatientId));
                    match(userId, sourcePatientId);
                }
            });
        }
    }
}
