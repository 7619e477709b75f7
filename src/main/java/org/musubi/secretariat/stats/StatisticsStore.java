package org.musubi.secretariat.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The statistics' tables and the queries that fill them. Reads only the registry ({@code facility}), consent
 * ({@code consent}), identity ({@code person}, {@code card}, {@code match_review}) and the audit trail
 * ({@code audit_event}); never a patient's record.
 */
public interface StatisticsStore {

    /** One municipality's population as loaded. */
    record Population(String municipality, long population) {
    }

    /** A facility's two-way flags over a window. */
    record Flags(boolean sent, boolean viewed) {
    }

    /** A month's use by facility kind row: the network's totals per month. */
    record UseRow(YearMonth month, long views, long imports, long letters, boolean demoSeeded) {
    }

    /** One facility's use (its name and kind filled by the caller). */
    record FacilityCounts(long facilityId, long views, long imports, long letters) {
    }

    Optional<Figures.Rollup> rollup();

    List<Figures.CardMonth> cardMonths(YearMonth from);

    /** Residents per municipality of the last rollup (municipality → residents, in the last 12 months). */
    Map<String, long[]> residents();

    List<Population> population();

    /** Replaces the whole population list. */
    void replacePopulation(List<Population> rows, Long loadedBy);

    List<UseRow> useByMonth(YearMonth from);

    List<FacilityCounts> useOf(YearMonth month);

    /** Each facility's flags over the days from {@code from} on. */
    Map<Long, Flags> twoWay(LocalDate from);

    /** Emergency accesses per month: {break-the-glass, crews}. */
    Map<YearMonth, long[]> emergency(YearMonth from);

    Figures.ReviewQueue reviewQueue(Instant now);

    /** Every active person with a live consent: their address and whether their first consent is from {@code since} on. */
    void consentedAddresses(Instant since, BiConsumer<String, Boolean> each);

    /**
     * Recounts use from the audit trail for every day from {@code oldest} on that an audit row appended since the last
     * refresh fell on (all such days the first time; demo-seeded rows left alone), the cards of the months from
     * {@code cardsFrom}, stores the residents per municipality, and notes the time and the last row counted; one
     * transaction.
     */
    void refresh(LocalDate oldest, YearMonth cardsFrom, Map<String, long[]> residents, Instant now);

    /** Stores a past day's made-up use of the demo network (demo only). */
    void seedDemoDay(LocalDate day, long facilityId, long views, long imports, long letters, long emergency);
}
