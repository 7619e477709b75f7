package org.musubi.portal.labs;

import org.musubi.record.fhir.observation.ObservationFlag;

/**
 * A result's flag as the lab table shows it (labelled {@code labs.flag.<name>}): the owner's reading
 * ({@link ObservationFlag}: the reporting facility's interpretation, else the reference range), one constant each.
 * {@link #NONE}: within range, or nothing to judge by.
 */
public enum Flag {
    NONE(ObservationFlag.NONE),
    HIGH(ObservationFlag.HIGH),
    LOW(ObservationFlag.LOW),
    CRITICAL_HIGH(ObservationFlag.CRITICAL_HIGH),
    CRITICAL_LOW(ObservationFlag.CRITICAL_LOW),
    ABNORMAL(ObservationFlag.ABNORMAL),
    CRITICAL(ObservationFlag.CRITICAL);

    private final ObservationFlag read;

    Flag(ObservationFlag read) {
        this.read = read;
    }

    /** The short mark shown beside a value: H, L, HH, LL, A, AA, or nothing. */
    public String mark() {
        return read.mark();
    }

    public boolean raised() {
        return read.raised();
    }

    /** The table's flag of what the owner read. */
    static Flag of(ObservationFlag read) {
        for (Flag flag : values()) {
            if (flag.read == read) {
                return flag;
            }
        }
        throw new IllegalArgumentException(read.name());
    }
}
