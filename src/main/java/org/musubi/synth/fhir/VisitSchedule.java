package org.musubi.synth.fhir;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * Spreads a patient's visits evenly over a span so that they make about as many records as wanted:
 * after each visit, the records a visit made so far on average decide how many visits are left and
 * so the gap to the next one. Visits stop once {@code produced} reaches the count; the last visit
 * may overshoot it. Used by the FHIR records and by the facility source files alike.
 */
public final class VisitSchedule {

    private VisitSchedule() {
    }

    /**
     * Calls {@code visit} on days from {@code from} to {@code to} (never later) until
     * {@code produced} (the records made so far) reaches {@code count}.
     */
    public static void spread(LocalDate from, LocalDate to, int count, IntSupplier produced, Consumer<LocalDate> visit) {
        spread(from, to, count, produced, visit, false);
    }

    /**
     * As {@link #spread}, but never two visits on one day, as a patient is seen once a day: once a visit fell on
     * {@code to}, the visits stop, even when the records made are fewer than {@code count}.
     */
    public static void spreadOnePerDay(LocalDate from, LocalDate to, int count, IntSupplier produced,
                                       Consumer<LocalDate> visit) {
        spread(from, to, count, produced, visit, true);
    }

    private static void spread(LocalDate from, LocalDate to, int count, IntSupplier produced, Consumer<LocalDate> visit,
                               boolean onePerDay) {
        if (count < 0 || to.isBefore(from)) {
            throw new IllegalArgumentException("count must not be negative and the span must not end before it starts");
        }
        long days = ChronoUnit.DAYS.between(from, to);
        double day = 0;
        for (int visits = 1; produced.getAsInt() < count; visits++) {
            long offset = Math.min(days, Math.round(day));
            visit.accept(from.plusDays(offset));
            if (onePerDay && offset == days) {
                return;
            }
            double perVisit = Math.max(1, (double) produced.getAsInt() / visits);
            double visitsLeft = Math.max(1, (count - produced.getAsInt()) / perVisit);
            day += Math.max(1, (days - day) / visitsLeft);
        }
    }
}
