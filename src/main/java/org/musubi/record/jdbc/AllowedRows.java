package org.musubi.record.jdbc;

import java.util.List;
import java.util.Set;
import org.musubi.policy.DataItem;

/**
 * The policy's verdict inside a query: a row {@code r} is shown when its (source facility, category) is allowed and,
 * for a container, so is (source facility, each category it holds). Ordinary rows' {@code content_categories} is
 * NULL, so only containers' rows pay for the second check.
 */
final class AllowedRows {

    /** The condition; its parameters are {@link #params}. */
    static final String CONDITION = "(r.source_facility, r.category) IN"
            + " (SELECT f, c FROM unnest(?::bigint[], ?::text[]) AS a(f, c))"
            + " AND (r.content_categories IS NULL OR r.content_categories <@ ARRAY(SELECT c FROM unnest(?::bigint[],"
            + " ?::text[]) AS a(f, c) WHERE f = r.source_facility))";

    private AllowedRows() {
    }

    /** The parameters of {@link #CONDITION}, in order. */
    static List<Object> params(Set<DataItem> allowed) {
        Long[] facilities = allowed.stream().map(DataItem::sourceFacilityId).toArray(Long[]::new);
        String[] categories = allowed.stream().map(i -> i.category().name()).toArray(String[]::new);
        return List.of(facilities, categories, facilities, categories);
    }
}
