package org.musubi.record;

import java.time.Instant;
import java.util.List;

/**
 * A search within one person's record, of one resource type ({@code null}: every type, as for
 * {@code $everything}, and then without token conditions). Each token condition is satisfied by any of its values
 * (FHIR's comma = OR); conditions combine with AND. Dates overlap the range [from, to).
 *
 * @param newestFirst sort by clinical date, newest first; otherwise oldest first
 */
public record RecordQuery(String type, List<TokenCondition> tokens, Instant dateFrom, Instant dateTo,
                          Instant updatedSince, boolean newestFirst, int count, int offset) {

    /** The largest page of a search. */
    public static final int MAX_COUNT = 500;
    /** The largest page of anything ({@code $everything}). */
    public static final int MAX_PAGE = 10_000;

    public RecordQuery {
        tokens = List.copyOf(tokens);
        if (type == null && !tokens.isEmpty()) {
            throw new IllegalArgumentException("token conditions need a resource type");
        }
        if (count < 0 || count > MAX_PAGE || offset < 0) {
            throw new IllegalArgumentException("count must be 0–" + MAX_PAGE + " and offset ≥ 0");
        }
    }

    /** {@code system} may be {@code null} for any system. */
    public record TokenCondition(String param, List<Value> anyOf) {
        public TokenCondition {
            anyOf = List.copyOf(anyOf);
        }
    }

    public record Value(String system, String code) {
    }
}
