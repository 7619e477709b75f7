package org.musubi.consent.jdbc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.musubi.consent.EmergencyAccess;

/**
 * The emergency accesses opened while Musubi runs on a read-only standby (where the database takes no write), kept in
 * this process's memory with negative ids, and the ends of stored accesses that an opening on the standby cut short
 * (a crew opening the next person). Laid over the replicated accesses on every read, so the access policy, the crews'
 * banner and the hand-over see them exactly as stored ones. Forgotten at restart; what survives is the audit record of
 * each opening in the spool, from which a merge recreates the access ({@link StandbyEmergencyRecovery}).
 */
final class StandbyEmergencies {

    private final AtomicLong ids = new AtomicLong();
    private final List<EmergencyAccess> opened = new CopyOnWriteArrayList<>();
    /** Per user, when openings on the standby ended the user's other accesses, in order. */
    private final Map<Long, List<Instant>> endings = new ConcurrentHashMap<>();

    /** Opens {@code o} at {@code now}; with {@link EmergencyAccess.Opening#endOthers} ends the user's other accesses. */
    synchronized EmergencyAccess open(EmergencyAccess.Opening o, Instant now) {
        if (o.endOthers()) {
            endings.computeIfAbsent(o.userId(), user -> new CopyOnWriteArrayList<>()).add(now);
            opened.replaceAll(a -> a.userId() == o.userId() ? ended(a, now) : a);
        }
        EmergencyAccess access = new EmergencyAccess(ids.decrementAndGet(), o.personId(), o.userId(), o.reason(), now,
                o.expiresAt(), null, o.kind(), o.facilityId(), o.reasonCode(), o.handOverId(), null, null);
        opened.add(access);
        return access;
    }

    /** {@code stored} with the stored accesses an opening on this standby ended, then the matching ones of memory. */
    List<EmergencyAccess> over(List<EmergencyAccess> stored, Predicate<EmergencyAccess> matching) {
        List<EmergencyAccess> all = new ArrayList<>(stored.size());
        for (EmergencyAccess access : stored) {
            all.add(over(access));
        }
        opened.stream().filter(matching).forEach(all::add);
        return all;
    }

    /** A stored access as it stands after the openings on this standby. */
    EmergencyAccess over(EmergencyAccess stored) {
        List<Instant> ends = endings.getOrDefault(stored.userId(), List.of());
        return ends.stream().filter(at -> stored.openedAt().isBefore(at)).findFirst().map(at -> ended(stored, at))
                .orElse(stored);
    }

    Optional<EmergencyAccess> byId(long id) {
        return opened.stream().filter(a -> a.id() == id).findFirst();
    }

    /** Newest first. */
    List<EmergencyAccess> matching(Predicate<EmergencyAccess> matching) {
        return opened.stream().filter(matching).sorted(Comparator.comparingLong(EmergencyAccess::id)).toList();
    }

    /** Ended at {@code at} when still open then. */
    private static EmergencyAccess ended(EmergencyAccess a, Instant at) {
        if (!a.expiresAt().isAfter(at)) {
            return a;
        }
        return new EmergencyAccess(a.id(), a.personId(), a.userId(), a.reason(), a.openedAt(), at, a.reviewedAt(),
                a.kind(), a.facilityId(), a.reasonCode(), a.handOverId(), at, a.reviewOutcome());
    }
}
