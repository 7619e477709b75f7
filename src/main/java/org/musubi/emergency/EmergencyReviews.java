package org.musubi.emergency;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditQuery;
import org.musubi.audit.AuditRecord;
import org.musubi.audit.AuditTrail;
import org.musubi.audit.Outcome;
import org.musubi.consent.Consents;
import org.musubi.consent.EmergencyAccess;
import org.musubi.identity.FindPerson;
import org.musubi.paging.PageRequest;
import org.musubi.registry.User;
import org.musubi.registry.Users;

/**
 * What the operators review after an emergency: every emergency access not yet reviewed (a clinician's
 * break-the-glass, a crew's, an emergency room's opening of a hand-over) with how long it lasted, the hand-overs made
 * under it or the one it was opened from, what was viewed under it (the permitted reads of the audit trail by that
 * user about that person while it was open), and whether its review is overdue.
 */
public final class EmergencyReviews {

    private final Consents consents;
    private final HandOvers handOvers;
    private final AuditTrail trail;
    private final Users users;
    private final FindPerson persons;
    private final EmergencyProperties properties;
    private final Clock clock = Clock.systemUTC();

    public EmergencyReviews(Consents consents, HandOvers handOvers, AuditTrail trail, Users users, FindPerson persons,
                            EmergencyProperties properties) {
        this.consents = consents;
        this.handOvers = handOvers;
        this.trail = trail;
        this.users = users;
        this.persons = persons;
        this.properties = properties;
    }

    /**
     * One access to review.
     *
     * @param madeUnder the hand-overs a crew made under it
     * @param from      the hand-over it was opened from ({@code null} unless of kind HANDOVER)
     * @param viewed    the pages read under it (what the audit trail names them), with how many times
     * @param resources how many resources those reads named
     */
    public record Row(EmergencyAccess access, List<HandOver> madeUnder, HandOver from, Map<String, Long> viewed,
                      long resources, boolean overdue) {
    }

    /** The accesses waiting for review, oldest first. */
    public List<Row> unreviewed(int limit) {
        List<EmergencyAccess> accesses = consents.unreviewedEmergencies(limit);
        Map<Long, List<HandOver>> made = handOvers.madeUnder(accesses.stream().map(EmergencyAccess::id).toList())
                .stream().collect(Collectors.groupingBy(HandOver::fromAccessId));
        Map<Long, HandOver> from = handOvers.byIds(accesses.stream().map(EmergencyAccess::handOverId)
                .filter(Objects::nonNull).toList()).stream()
                .collect(Collectors.toMap(HandOver::id, Function.identity()));
        Instant now = clock.instant();
        return accesses.stream().map(a -> {
            List<AuditRecord> reads = reads(a);
            Map<String, Long> viewed = reads.stream().collect(Collectors.groupingBy(
                    r -> r.resourceType() == null ? "?" : r.resourceType(), TreeMap::new, Collectors.counting()));
            return new Row(a, made.getOrDefault(a.id(), List.of()), a.handOverId() == null ? null : from.get(a.handOverId()),
                    viewed, reads.stream().mapToLong(r -> r.resourceIds().size()).sum(),
                    a.overdue(now, properties.reviewOverdue()));
        }).toList();
    }

    /** How many accesses wait for review longer than the configured time. */
    public long overdue() {
        return consents.countUnreviewedEmergencies(clock.instant().minus(properties.reviewOverdue()));
    }

    private List<AuditRecord> reads(EmergencyAccess access) {
        String loginId = users.find(access.userId()).map(User::loginId).orElse(null);
        String regionalId = persons.regionalIdOf(access.personId()).orElse(null);
        if (loginId == null || regionalId == null) {
            return List.of();
        }
        return trail.search(new AuditQuery(loginId, null, List.of(regionalId), access.openedAt(), access.expiresAt(),
                Outcome.PERMIT, AuditAction.READ), new PageRequest(1, PageRequest.MAX_SIZE)).items();
    }
}
