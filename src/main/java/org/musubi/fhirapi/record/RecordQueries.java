package org.musubi.fhirapi.record;

import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.api.SortOrderEnum;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.musubi.record.RecordQuery;

/** FHIR search parameters as a {@link RecordQuery}. */
final class RecordQueries {

    static final int DEFAULT_COUNT = 50;

    private RecordQueries() {
    }

    /**
     * The patient id a search is about: {@code patient=Patient/<id>} (or {@code subject=}) is required — a regional
     * person's id, or the id of the caller's own Patient.
     */
    static String patient(ReferenceParam patient) {
        String id = patient == null ? null : patient.getIdPart();
        if (id == null || !id.matches("[A-Za-z0-9\\-.]{1,64}") || (patient.getResourceType() != null
                && !patient.getResourceType().equals("Patient"))) {
            throw patientRequired();
        }
        return id;
    }

    static InvalidRequestException patientRequired() {
        return new InvalidRequestException("検索には patient=Patient/<地域患者 id または自施設の Patient の id> が必要です / "
                + "A search needs patient=Patient/<regional person id, or the id of your own Patient>");
    }

    /** The query of a search's terms, with the conditions on references it asks besides ({@link #references}). */
    static RecordQuery query(String type, RecordResourceProvider.Unanchored terms,
                             List<RecordQuery.TokenCondition> references) {
        RecordQuery query = query(type, terms.category(), terms.code(), terms.status(), terms.identifier(), terms.date(),
                terms.lastUpdated(), terms.sort() == null || terms.sort().getOrder() == SortOrderEnum.DESC,
                terms.count(), terms.offset());
        if (references.isEmpty()) {
            return query;
        }
        List<RecordQuery.TokenCondition> tokens = new ArrayList<>(query.tokens());
        tokens.addAll(references);
        return new RecordQuery(type, tokens, query.dateFrom(), query.dateTo(), query.updatedSince(), query.newestFirst(),
                query.count(), query.offset());
    }

    /**
     * A search on a reference the type indexes ({@code owner=Practitioner/1}, {@code owner=1}; several values: any of
     * them), as a token condition on the referenced type and id ({@link org.musubi.record.fhir.FhirIndexer#index});
     * none when not asked. A value that is no {@code [Type/]id} is refused (400), as is a chained or modified search.
     */
    static void references(String param, ReferenceOrListParam values, List<RecordQuery.TokenCondition> into) {
        if (values == null || values.getValuesAsQueryTokens().isEmpty()) {
            return;
        }
        List<RecordQuery.Value> anyOf = new ArrayList<>();
        for (ReferenceParam value : values.getValuesAsQueryTokens()) {
            String id = value.getIdPart();
            String type = value.getResourceType();
            if (id == null || !id.matches("[A-Za-z0-9\\-.]{1,64}") || value.hasChain()
                    || type != null && !type.matches("[A-Z][A-Za-z]{1,63}")) {
                throw new InvalidRequestException(param + " は Type/id または id で指定してください / " + param
                        + " takes Type/id or id");
            }
            anyOf.add(new RecordQuery.Value(type, id));
        }
        into.add(new RecordQuery.TokenCondition(param, anyOf));
    }

    static RecordQuery query(String type, TokenOrListParam category, TokenOrListParam code, TokenOrListParam status,
                             TokenOrListParam identifier, DateRangeParam date, DateRangeParam lastUpdated,
                             boolean newestFirst, Integer count, Integer offset) {
        List<RecordQuery.TokenCondition> tokens = new ArrayList<>();
        token("category", category, tokens);
        token("code", code, tokens);
        token("status", status, tokens);
        token("identifier", identifier, tokens);
        int size = count == null ? DEFAULT_COUNT : Math.max(0, Math.min(count, RecordQuery.MAX_COUNT));
        return new RecordQuery(type, tokens, lower(date), upper(date), lower(lastUpdated), newestFirst, size,
                offset == null ? 0 : Math.max(0, offset));
    }

    private static void token(String param, TokenOrListParam values, List<RecordQuery.TokenCondition> into) {
        if (values == null || values.getValuesAsQueryTokens().isEmpty()) {
            return;
        }
        into.add(new RecordQuery.TokenCondition(param, values.getValuesAsQueryTokens().stream()
                .map(t -> new RecordQuery.Value(t.getSystem() == null || t.getSystem().isEmpty() ? null : t.getSystem(),
                        t.getValue())).toList()));
    }

    private static Instant lower(DateRangeParam range) {
        return range == null || range.getLowerBoundAsInstant() == null ? null : range.getLowerBoundAsInstant().toInstant();
    }

    private static Instant upper(DateRangeParam range) {
        return range == null || range.getUpperBoundAsInstant() == null ? null
                : range.getUpperBoundAsInstant().toInstant().plusMillis(1);
    }
}
