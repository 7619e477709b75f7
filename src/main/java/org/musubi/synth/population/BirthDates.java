package org.musubi.synth.population;

import java.time.LocalDate;
import java.util.SplittableRandom;
import org.musubi.synth.Weights;

/**
 * Birth dates from 1930 to 2024, weighted towards older people as regional networks mostly
 * serve the elderly. Ages are relative to a fixed reference date, never the clock.
 */
public final class BirthDates {

    static final LocalDate REFERENCE_DATE = LocalDate.of(2026, 4, 1);
    static final LocalDate EARLIEST = LocalDate.of(1930, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2024, 12, 31);

    /** Relative weight of each decade of birth: 1930s, 1940s, … 2020s (2020–2024 only). */
    private static final Weights DECADES = new Weights(12, 22, 20, 12, 9, 7, 6, 5, 5, 2);

    private BirthDates() {
    }

    static LocalDate draw(SplittableRandom random) {
        int decade = DECADES.draw(random);
        LocalDate start = EARLIEST.plusYears(10L * decade);
        LocalDate end = start.plusYears(10).isAfter(LATEST) ? LATEST.plusDays(1) : start.plusYears(10);
        return LocalDate.ofEpochDay(random.nextLong(start.toEpochDay(), end.toEpochDay()));
    }

    static int ageOn(LocalDate birthDate, LocalDate day) {
        return birthDate.until(day).getYears();
    }
}
