package org.musubi.phr.vitals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a resident records at one moment: at least one value, each a plausible one ({@link Plausibility} made it).
 * The moment is a wall time in Japan, to the minute; steps count for the whole day of that moment.
 */
public record VitalsEntry(LocalDateTime at, Map<Vital, BigDecimal> values) {

    public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    public VitalsEntry {
        Objects.requireNonNull(at, "at");
        at = at.truncatedTo(ChronoUnit.MINUTES);
        if (values.isEmpty() || values.containsKey(Vital.BMI)) {
            throw new IllegalArgumentException("an entry holds at least one value a resident enters");
        }
        values = Collections.unmodifiableMap(new EnumMap<>(values));
    }

    public Instant instant() {
        return at.atZone(JAPAN).toInstant();
    }

    public LocalDate day() {
        return at.toLocalDate();
    }

    public Optional<BigDecimal> value(Vital vital) {
        return Optional.ofNullable(values.get(vital));
    }
}
