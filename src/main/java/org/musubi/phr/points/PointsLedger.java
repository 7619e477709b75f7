package org.musubi.phr.points;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The points ledger, its rules and events. Entries are only ever added. */
public interface PointsLedger {

    enum Kind { CHECKUP, VITALS_DAYS, EVENT, REDEMPTION }

    /** One entry: points earned (positive) or redeemed (negative), and why. */
    record Entry(long id, int points, Kind kind, String key, String note, Instant at) {
    }

    /** A rule: how many points, and for VITALS_DAYS on how many days of a month. */
    record Rule(Kind kind, int points, Integer daysRequired) {
    }

    record Event(long id, String name, LocalDate heldOn, int points, LocalDate validTo) {
    }

    /** Adds an entry unless the person has one with this key; false when it was there already. */
    boolean add(long personId, int points, Kind kind, String key, String note, Long recordedBy);

    List<Entry> entries(long personId);

    int balance(long personId);

    Map<Kind, Rule> rules();

    void setRule(Rule rule, long userId);

    long addEvent(String name, LocalDate heldOn, String codeHash, int points, LocalDate validTo, long userId);

    Optional<Event> eventByCodeHash(String codeHash);

    List<Event> events(int limit);
}
