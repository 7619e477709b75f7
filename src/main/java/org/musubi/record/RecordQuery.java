package org.musubi.record;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A search within one person's record, of one resource type ({@code null}: every type, as for
 * {@code $everything}, and then without token conditions). Each token condition is satisfied by any of its values
 * (FHIR's comma = OR); conditions combine with AND. Dates overlap the range [from, to).
 *
 * @param newestFirst sort by clinical date, newest first; otherwise oldest first
 * @param types with {@code type == null}: only these types ({@code null} or empty: every type)
 * @param contentless the resources found without their content (see {@link #withoutContent()})
 */
public record RecordQuery(String type, List<TokenCondition> tokens, Instant dateFrom, Instant dateTo,
                          Instant updatedSince, boolean newestFirst, int count, int offset, Set<String> types,
                          boolean contentless) {

    public RecordQuery(String type, List<TokenCondition> tokens, Instant dateFrom, Instant dateTo, Instant updatedSince,
                       boolean newestFirst, int count, int offset) {
        this(type, tokens, dateFrom, dateTo, updatedSince, newestFirst, count, offset, null);
    }

    public RecordQuery(String type, List<TokenCondition> tokens, Instant dateFrom, Instant dateTo, Instant updatedSince,
                       boolean newestFirst, int count, int offset, Set<String> types) {
        this(type, tokens, dateFrom, dateTo, updatedSince, newestFirst, count, offset, types, false);
    }

    /** The same query of only these types. */
    public RecordQuery ofTypes(Set<String> only) {
        return new RecordQuery(type, tokens, dateFrom, dateTo, updatedSince, newestFirst, count, offset, only,
                contentless);
    }

    /**
     * The same query, its resources found without their content ({@link StoredResource#json()} null): for a caller
     * that keeps what it made of each version and reads the content of the others afterwards.
     */
    public RecordQuery withoutContent() {
        return new RecordQuery(type, tokens, dateFrom, dateTo, updatedSince, newestFirst, count, offset, types, true);
    }

    /** The largest page of a search. */
    public static final int MAX_COUNT = 500;
    /** The largest page of anything ({@code $everything}). */
    public static final int MAX_PAGE = 10_000;

    public RecordQuery {
        tokens = List.copyOf(tokens);
        types = types == null || types.isEmpty() ? null : Set.copyOf(types);
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
