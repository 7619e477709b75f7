package org.musubi.deid;

import java.util.Locale;

/** What a de-identification rule does to the elements it selects (issue 48, deid). */
public enum RuleMethod {
    /** Leaves the element as it is (and stops later rules from touching it or its children). */
    KEEP,
    /** Removes the element (and its primitive extension sibling {@code _name}). */
    REDACT,
    /** Shifts dates, dateTimes, instants and Periods by the person's shift of days, time of day kept. */
    DATESHIFT,
    /** Replaces ids and references by an HMAC-SHA256 of the project key, the same everywhere. */
    CRYPTOHASH,
    /** Coarsens: dates to year or year-month, postcodes to 3 digits, ages to bands, addresses to prefecture/municipality. */
    GENERALIZE,
    /** Replaces a primitive value by a fixed one. */
    SUBSTITUTE;

    /** The lower-case name used in the JSON configuration. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
