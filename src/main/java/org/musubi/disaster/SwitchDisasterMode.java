package org.musubi.disaster;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;

/**
 * The network operator switches disaster mode on (for the whole network or chosen municipalities, with a note and an
 * optional planned end) and off. Each switch is one audit row naming the period and its area (no patient data) and
 * takes effect on this server at once.
 */
public final class SwitchDisasterMode {

    public static final String NOTE_REQUIRED = "disaster.note.required";
    public static final String END_IN_PAST = "disaster.plannedEnd.past";
    public static final String NOT_ON = "disaster.notOn";
    private static final int CANDIDATES = 200;
    private final DisasterRecords records;
    private final DisasterMode mode;
    private final Audit audit;
    private final Clock clock;
    private final KnownAddresses addresses;

    public SwitchDisasterMode(DisasterRecords records, DisasterMode mode, Audit audit, Clock clock,
                              KnownAddresses addresses) {
        this.records = records;
        this.mode = mode;
        this.audit = audit;
        this.clock = clock;
        this.addresses = addresses;
    }

    /**
     * The area's municipalities that no address the network holds lies in (its persons', the patients facilities sent,
     * its facilities'): most likely a typing error; none for the whole network.
     */
    public List<Municipality> unknownIn(DisasterArea area) {
        return area.municipalities().stream().filter(m -> !known(m)).toList();
    }

    private boolean known(Municipality municipality) {
        return addresses.containing(municipality.name(), CANDIDATES).stream().anyMatch(municipality::covers);
    }

    /**
     * Switches it on; throws {@link UnknownMunicipalities} for a municipality no known address lies in unless the
     * operator was warned and confirmed it ({@code unknownConfirmed}), and {@link InvalidSwitch} without a note or with
     * a planned end already past.
     */
    public DisasterPeriod on(long userId, DisasterArea area, String note, Instant plannedEnd, boolean unknownConfirmed) {
        if (!unknownConfirmed) {
            List<Municipality> unknown = unknownIn(area);
            if (!unknown.isEmpty()) {
                throw new UnknownMunicipalities(unknown);
            }
        }
        return on(userId, area, note, plannedEnd);
    }

    /** Switches it on as asked, known municipalities or not; throws {@link InvalidSwitch} without a note or with a planned end already past. */
    public DisasterPeriod on(long userId, DisasterArea area, String note, Instant plannedEnd) {
        String stated = note == null ? "" : note.strip();
        if (stated.isEmpty() || stated.length() > 2000) {
            throw new InvalidSwitch(NOTE_REQUIRED);
        }
        Instant now = clock.instant();
        if (plannedEnd != null && !plannedEnd.isAfter(now)) {
            throw new InvalidSwitch(END_IN_PAST);
        }
        DisasterPeriod period = records.start(area, stated, plannedEnd, userId, now);
        mode.refresh();
        audit.record(AuditEntry.of(AuditAction.DISASTER_MODE_ON, Outcome.PERMIT).on("DisasterPeriod", period.id())
                .reason((area.networkWide() ? "network-wide" : area.label())
                        + (plannedEnd == null ? "" : " until " + plannedEnd) + ": " + stated));
        return period;
    }

    /** Switches the period off; throws {@link InvalidSwitch} when it is not on (any more). */
    public void off(long userId, long periodId, String note) {
        String stated = note == null ? "" : note.strip();
        if (stated.length() > 2000) {
            throw new InvalidSwitch(NOTE_REQUIRED);
        }
        boolean ended = records.end(periodId, stated.isEmpty() ? null : stated, userId, clock.instant());
        mode.refresh();
        if (!ended) {
            throw new InvalidSwitch(NOT_ON);
        }
        audit.record(AuditEntry.of(AuditAction.DISASTER_MODE_OFF, Outcome.PERMIT).on("DisasterPeriod", periodId)
                .reason(stated.isEmpty() ? "switched off" : stated));
    }
}
