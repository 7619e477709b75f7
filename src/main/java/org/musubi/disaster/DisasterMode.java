package org.musubi.disaster;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * What disaster mode is now, answered from memory: the periods not switched off and the responder facilities, read at
 * start and again after every switch or designation on this server ({@link #refresh}). The access policy asks it on
 * every decision and every page shows its banner, so neither costs a query. A period past its planned end is off
 * without anyone switching it off.
 */
public final class DisasterMode {

    private record State(List<DisasterPeriod> open, Set<Long> responders) {
    }

    private final DisasterRecords records;
    private final Clock clock;
    private volatile State state;

    public DisasterMode(DisasterRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    /** Reads the periods and designations again (after a change, or at start). */
    public void refresh() {
        state = new State(List.copyOf(records.open()), Set.copyOf(records.responders()));
    }

    private State state() {
        State current = state;
        if (current == null) {
            refresh();
            current = state;
        }
        return current;
    }

    /** The periods on now, oldest first. */
    public List<DisasterPeriod> active() {
        java.time.Instant now = clock.instant();
        return state().open().stream().filter(p -> p.onAt(now)).toList();
    }

    /** Whether disaster mode is on anywhere now. */
    public boolean on() {
        return !active().isEmpty();
    }

    /** Whether disaster mode is on now where one of these addresses lies (anywhere, when on network-wide). */
    public boolean covers(Collection<String> addresses) {
        return active().stream().anyMatch(p -> p.area().covers(addresses));
    }

    /** Whether disaster mode is on now for the whole network (no address needed). */
    public boolean networkWide() {
        return active().stream().anyMatch(p -> p.area().networkWide());
    }

    /** Whether the facility is a designated disaster responder. */
    public boolean responder(long facilityId) {
        return state().responders().contains(facilityId);
    }

    public Set<Long> responders() {
        return state().responders();
    }

    /** The newest periods first, read from the store (the operator's history). */
    public List<DisasterPeriod> history(int limit) {
        return records.history(limit);
    }
}
