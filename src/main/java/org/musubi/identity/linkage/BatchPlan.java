package org.musubi.identity.linkage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.musubi.audit.AuditEntry;
import org.musubi.identity.Person;

/**
 * A batch's decisions turned into what is written (persons, links, reviews), what is audited
 * (one entry per decision, in batch order) and what the caller is told.
 */
record BatchPlan(List<MatchDecision> decisions, LinkageBatch batch) {

    static BatchPlan of(List<MatchDecision> decisions) {
        List<Person> persons = new ArrayList<>();
        List<LinkageBatch.Link> links = new ArrayList<>();
        List<LinkageBatch.Review> reviews = new ArrayList<>();
        for (MatchDecision decision : decisions) {
            long sourceId = decision.source().id();
            switch (decision) {
                case MatchDecision.Link link -> links.add(new LinkageBatch.Link(sourceId,
                        link.best().person().regionalId(), MatchAudits.linkReason(link.best())));
                case MatchDecision.Create create -> {
                    persons.add(create.person());
                    links.add(new LinkageBatch.Link(sourceId, create.person().regionalId(), MatchAudits.NEW_PERSON));
                }
                case MatchDecision.Queue queue -> reviews.add(new LinkageBatch.Review(sourceId, queue.shown().stream()
                        .map(c -> new LinkageBatch.Shown(c.person().regionalId(), c.score().total(), Breakdowns.of(c.score())))
                        .toList(), queue.reasons()));
            }
        }
        return new BatchPlan(List.copyOf(decisions), new LinkageBatch(persons, links, reviews));
    }

    List<AuditEntry> auditEntries(LinkageBatch.Written written) {
        return decisions.stream().map(decision -> switch (decision) {
            case MatchDecision.Link link -> MatchAudits.linked(link.source().id(), link.best());
            case MatchDecision.Create create -> MatchAudits.created(create.source().id(), create.person().regionalId());
            case MatchDecision.Queue queue -> MatchAudits.queued(queue.source().id(),
                    written.reviewIds().get(queue.source().id()), queue.reasons());
        }).toList();
    }

    /** The result per source patient id; {@code personIds} holds the id of every person linked to. */
    Map<Long, MatchResult> results(Map<String, Long> personIds, LinkageBatch.Written written) {
        Map<Long, MatchResult> results = new HashMap<>();
        for (MatchDecision decision : decisions) {
            long sourceId = decision.source().id();
            results.put(sourceId, switch (decision) {
                case MatchDecision.Link link -> new MatchResult.Linked(personIds.get(link.best().person().regionalId()),
                        link.best().score().total());
                case MatchDecision.Create create -> new MatchResult.NewPerson(personIds.get(create.person().regionalId()));
                case MatchDecision.Queue queue -> new MatchResult.Queued(written.reviewIds().get(sourceId));
            });
        }
        return results;
    }
}
