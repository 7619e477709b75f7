package org.musubi.phr.vitals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How far back a chart looks: a week, a month, a year (from today's date in Japan), or everything. A chart breaks its
 * line where two values are further apart than the range's gap, so that weeks without a measurement show as a gap
 * instead of a straight line across them.
 */
public enum VitalRange {
    WEEK(Duration.ofDays(2)),
    MONTH(Duration.ofDays(7)),
    YEAR(Duration.ofDays(31)),
    ALL(Duration.ofDays(92));

    private final Duration gap;

    VitalRange(Duration gap) {
        this.gap = gap;
    }

    /** The first moment the range shows at {@code now}; empty for everything. */
    public Optional<Instant> from(Instant now) {
        LocalDate today = now.atZone(VitalsEntry.JAPAN).toLocalDate();
        LocalDate first = switch (this) {
            case WEEK -> today.minusDays(6);
            case MONTH -> today.minusMonths(1).plusDays(1);
            case YEAR -> today.minusYears(1).plusDays(1);
            case ALL -> null;
        };
        return Optional.ofNullable(first).map(d -> d.atStartOfDay(VitalsEntry.JAPAN).toInstant());
    }

    /** Two values further apart than this are not joined by the chart's line. */
    public Duration gap() {
        return gap;
    }

    /** The range's name in addresses: {@code week}, {@code month}, {@code year}, {@code all}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The range a request names; a week when it names none or something else. */
    public static VitalRange of(String key) {
        return Arrays.stream(values()).filter(r -> r.key().equals(key)).findFirst().orElse(WEEK);
    }
}
