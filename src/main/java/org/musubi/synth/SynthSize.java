package org.musubi.synth;

/**
 * How much to generate: facilities, users (the first is always the network operator) and
 * persons. All counts are non-negative.
 */
public record SynthSize(int facilities, int users, int persons) {

    public SynthSize {
        if (facilities < 0 || users < 0 || persons < 0) {
            throw new IllegalArgumentException("sizes must not be negative");
        }
    }

    /** A small network for demonstrations: 12 facilities, 40 users, 200 persons. */
    public static SynthSize demo() {
        return new SynthSize(12, 40, 200);
    }
}
