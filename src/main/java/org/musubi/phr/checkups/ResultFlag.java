package org.musubi.phr.checkups;

import org.musubi.record.fhir.observation.ObservationFlag;

/**
 * A result outside its reference range, as residents see it (labelled {@code phr.checkups.flag.<code>}): high or low,
 * as the owner reads it ({@link ObservationFlag}: the centre's own interpretation wins; without one, the value is
 * compared with the range's bounds). A flag without a direction (HL7's A, AA) is none here.
 */
public enum ResultFlag {
    HIGH("high"), LOW("low");

    private final String code;

    ResultFlag(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** High or low as read; null when within the range, unknown or without a direction. */
    static ResultFlag of(ObservationFlag read) {
        return read.high() ? HIGH : read.low() ? LOW : null;
    }
}
