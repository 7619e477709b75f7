package org.musubi.record.jdbc;

import org.musubi.record.Found;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.musubi.policy.DataItem;
import org.musubi.record.RecordQuery;
import org.musubi.record.store.ResourceStore;
import org.musubi.record.StoredResource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Builds one search: the person's source patients, the (facility, category) pairs the policy allows ({@link AllowedRows}),
 * each token condition as an overlap with its keys ({@link SearchKeys}: made for these patients, or for the
 * allowed facilities' identifiers, so the GIN index finds just their resources), a date-overlap condition
 * over the resource's date ranges, and paging by offset. A page is chosen by key first and only its rows'
 * content is read, and the total comes with the page (a window count), so the matches are found once.
 */
final class RecordSearchSql {

    private final JdbcClient jdbc;

    RecordSearchSql(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Found run(Set<Long> patientKeys, Set<DataItem> allowed, RecordQuery query) {
        if (patientKeys.isEmpty() || allowed.isEmpty()) {
            return new Found(List.of(), 0);
        }
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder("r.patient_key = ANY(?)" + (query.type() != null ? " AND r.type = ?"
                : query.types() != null ? " AND r.type = ANY(?)" : "")
                + " AND NOT r.deleted AND " + AllowedRows.CONDITION);
        Long[] keys = patientKeys.toArray(Long[]::new);
        params.add(keys);
        if (query.type() != null) {
            params.add(query.type());
        } else if (query.types() != null) {
            params.add(query.types().stream().sorted().toArray(String[]::new));
        }
        params.addAll(AllowedRows.params(allowed));
        List<Long> facilities = allowed.stream().map(DataItem::sourceFacilityId).distinct().toList();
        for (RecordQuery.TokenCondition condition : query.tokens()) {
            where.append(" AND r.search_keys && ?::bigint[]");
            params.add(SearchKeys.query(patientKeys, facilities, query.type(), condition));
        }
        if (query.dateFrom() != null || query.dateTo() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM unnest(r.date_low, r.date_high) AS d(low, high)")
                    .append(" WHERE coalesce(d.high, d.low, 'infinity') >= ? AND coalesce(d.low, d.high, '-infinity') < ?)");
            params.add(query.dateFrom() == null ? Timestamp.valueOf("0001-01-01 00:00:00") : Timestamp.from(query.dateFrom()));
            params.add(query.dateTo() == null ? Timestamp.valueOf("9999-12-31 00:00:00") : Timestamp.from(query.dateTo()));
        }
        if (query.updatedSince() != null) {
            where.append(" AND r.last_updated >= ?");
            params.add(Timestamp.from(query.updatedSince()));
        }
        if (query.count() == 0) {
            return new Found(List.of(), count(where, params));
        }
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(query.count());
        pageParams.add(query.offset());
        String order = " ORDER BY r.clinical_date " + (query.newestFirst() ? "DESC NULLS LAST" : "ASC NULLS LAST") + ", r.id";
        long[] counted = {-1};
        List<StoredResource> page = jdbc.sql("SELECT r.patient_key, r.id, r.type, r.version, r.source_facility, r.category,"
                + " r.last_updated, r.deleted, " + (query.contentless() ? "NULL::text" : "r.content::text")
                + " AS json, r.content_categories, p.total FROM resource r"
                + " JOIN (SELECT r.patient_key,"
                + " r.id, count(*) OVER () AS total FROM resource r WHERE " + where + order + " LIMIT ? OFFSET ?) p"
                + " ON p.patient_key = r.patient_key AND p.id = r.id" + order)
                .params(pageParams).query((rs, row) -> {
                    counted[0] = rs.getLong("total");
                    return JdbcResourceStore.stored(rs, row);
                }).list();
        long total = counted[0] >= 0 ? counted[0] : query.offset() == 0 ? 0 : count(where, params);
        return new Found(page, total);
    }

    /** The number of matches, for a page past the end or a count alone. */
    private long count(CharSequence where, List<Object> params) {
        return jdbc.sql("SELECT count(*) FROM resource r WHERE " + where).params(params).query(Long.class).single();
    }
}
