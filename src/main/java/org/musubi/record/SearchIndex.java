package org.musubi.record;

import java.time.Instant;
import java.util.List;

/** What a resource is found by: tokens (category, code, status, identifier) and dates (the clinical date). */
public record SearchIndex(List<Token> tokens, List<DateRange> dates) {

    public SearchIndex {
        tokens = List.copyOf(tokens);
        dates = List.copyOf(dates);
    }

    public record Token(String param, String system, String code) {
    }

    /** A date or period; an open end is {@code null}. */
    public record DateRange(String param, Instant low, Instant high) {
    }
}
