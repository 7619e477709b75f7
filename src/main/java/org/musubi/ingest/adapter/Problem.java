package org.musubi.ingest.adapter;

import java.util.Objects;

/**
 * Something wrong with a source record, said precisely enough for the sender to fix it: where, a
 * stable code (e.g. {@code ssmix2.misplaced}), and the message in Japanese and in English.
 */
public record Problem(Location where, String code, String japanese, String english) {

    public Problem {
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(japanese, "japanese");
        Objects.requireNonNull(english, "english");
    }

    @Override
    public String toString() {
        return where + ": " + english + " / " + japanese;
    }
}
