package org.musubi.emergency.jdbc;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditRecord;
import org.musubi.audit.MergedSpoolListener;
import org.musubi.audit.Outcome;
import org.musubi.consent.Consents;
import org.musubi.consent.EmergencyAccess;
import org.musubi.emergency.HandOver;
import org.musubi.emergency.HandOverToHospital;
import org.musubi.emergency.HandOvers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes again, when a standby's audit spool is merged, the hand-overs crews made on that standby (kept only in its
 * memory), so that the receiving hospital's inbox keeps them until they expire and the operators' review list shows
 * them under the crew's access: from each permitted {@code EMERGENCY_HANDOVER} record tagged by
 * {@link HandOverToHospital#standbyTag} — the person and the crew's access (the access itself, or, when it too was opened
 * on the standby, the crew member's access to that person recreated from the same spool, the last opened before the
 * hand-over), the user (the record's actor), the facility (its resource), the time (the record's) and the expiry. The
 * hand-over gets a new token: links handed out on the standby do not carry over, the inbox does. Then each emergency
 * room doctor's access opened on the standby from a hand-over (recreated by the consent module's listener, which runs
 * first: order 0 before this one's 1) is made to name it again. A repeated merge adds nothing twice
 * ({@link HandOvers#recreate}).
 */
@Component
@Order(1)
class StandbyHandOverRecovery implements MergedSpoolListener {

    private static final Logger log = LoggerFactory.getLogger(StandbyHandOverRecovery.class);
    private static final Pattern MADE = Pattern.compile("(?s)hand-over (-\\d+) to .* \\(until (\\S+)\\)"
            + Pattern.quote(HandOverToHospital.STANDBY_TAG) + "(\\d+) access (-?\\d+)]");
    private static final Pattern OPENED = Pattern.compile("hand-over (-?\\d+) \\(until \\S+\\)"
            + Pattern.quote(EmergencyAccess.STANDBY_TAG) + EmergencyAccess.Kind.HANDOVER + " -]");
    private final Consents consents;
    private final HandOvers handOvers;

    StandbyHandOverRecovery(Consents consents, HandOvers handOvers) {
        this.consents = consents;
        this.handOvers = handOvers;
    }

    @Override
    public void merged(String spoolId, List<AuditRecord> records) {
        Map<Long, Long> made = new HashMap<>();
        int recreated = 0;
        for (AuditRecord record : records) {
            if (record.outcome() != Outcome.PERMIT || record.reason() == null || record.actor().userId() == null
                    || record.resourceIds().size() != 1) {
                continue;
            }
            if (record.action() == AuditAction.EMERGENCY_HANDOVER) {
                Matcher handOver = MADE.matcher(record.reason());
                if (handOver.matches()) {
                    Optional<HandOver> again = recreate(spoolId, record, handOver);
                    again.ifPresent(h -> made.put(Long.parseLong(handOver.group(1)), h.id()));
                    recreated += again.isPresent() ? 1 : 0;
                }
            } else if (record.action() == AuditAction.EMERGENCY_OPEN) {
                Matcher opened = OPENED.matcher(record.reason());
                if (opened.matches()) {
                    attach(record, Long.parseLong(opened.group(1)), made, MergedSpoolListener.mark(spoolId, record.seq()));
                }
            }
        }
        if (recreated > 0) {
            log.warn("Made again {} hand-overs made on the standby (spool {})", recreated, spoolId);
        }
    }

    private Optional<HandOver> recreate(String spoolId, AuditRecord record, Matcher handOver) {
        long user = record.actor().userId();
        Instant at = record.occurredAt();
        try {
            Instant expires = Instant.parse(handOver.group(2));
            long person = Long.parseLong(handOver.group(3));
            long access = Long.parseLong(handOver.group(4));
            long facility = Long.parseLong(record.resourceIds().getFirst());
            Optional<Long> from = access >= 0 ? Optional.of(access) : consents.emergencies(person).stream()
                    .filter(a -> a.kind() == EmergencyAccess.Kind.CREW && a.userId() == user
                            && a.reason().contains(EmergencyAccess.STANDBY_SPOOL_MARK + spoolId + "#")
                            && !a.openedAt().isAfter(at))
                    .max(Comparator.comparing(EmergencyAccess::openedAt).thenComparing(EmergencyAccess::id))
                    .map(EmergencyAccess::id);
            if (from.isEmpty()) {
                log.error("A hand-over made on the standby names no recreated crew access: {}",
                        MergedSpoolListener.mark(spoolId, record.seq()));
                return Optional.empty();
            }
            return Optional.of(handOvers.recreate(HandOverToHospital.token(), person, user, from.get(), facility, at,
                    expires));
        } catch (DateTimeParseException | NumberFormatException e) {
            log.error("A hand-over made on the standby could not be read back from {}",
                    MergedSpoolListener.mark(spoolId, record.seq()));
            return Optional.empty();
        }
    }

    /**
     * The emergency room doctor's access recreated from {@code mark} names the hand-over it was opened from: a stored
     * one as it was (a positive id), one made on the standby as made again above.
     */
    private void attach(AuditRecord record, long handOverId, Map<Long, Long> made, String mark) {
        Long id = handOverId >= 0 ? Long.valueOf(handOverId) : made.get(handOverId);
        if (id == null) {
            return;
        }
        long person;
        try {
            person = Long.parseLong(record.resourceIds().getFirst());
        } catch (NumberFormatException e) {
            return;
        }
        String reason = "hand-over " + handOverId + " " + mark;
        consents.emergencies(person).stream()
                .filter(a -> a.kind() == EmergencyAccess.Kind.HANDOVER && a.handOverId() == null && a.reason().equals(reason))
                .forEach(a -> consents.attachHandOver(a.id(), id));
    }
}
