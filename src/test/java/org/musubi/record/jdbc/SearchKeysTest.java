package org.musubi.record.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.musubi.record.RecordQuery;
import org.musubi.record.SearchIndex;

/** A resource's tokens as search keys, and the keys a search asks for: they meet exactly where the tokens match. */
class SearchKeysTest {

    private static final String JLAC10 = "urn:oid:1.2.392.200119.4.504";
    private static final String ORDER = "urn:musubi:placer-order-number:3410495190";
    private static final List<SearchIndex.Token> TOKENS = List.of(
            new SearchIndex.Token("code", JLAC10, "3D045000001906202"),
            new SearchIndex.Token("status", null, "final"),
            new SearchIndex.Token("identifier", ORDER, "A-1"));

    @Test
    void aTokenWithASystemIsFoundWithItOrWithoutIt() {
        long[] keys = SearchKeys.of(7, 3, "Observation", TOKENS);
        assertThat(keys).hasSize(5).isSorted().doesNotHaveDuplicates();

        assertThat(found(keys, query(7, 3, "code", JLAC10, "3D045000001906202"))).isTrue();
        assertThat(found(keys, query(7, 3, "code", null, "3D045000001906202"))).isTrue();
        assertThat(found(keys, query(7, 3, "status", null, "final"))).isTrue();
        assertThat(found(keys, query(7, 3, "identifier", ORDER, "A-1"))).isTrue();
        assertThat(found(keys, query(7, 3, "identifier", null, "A-1"))).isTrue();
    }

    @Test
    void anotherCodeSystemParamTypeOrPatientFindsNothing() {
        long[] keys = SearchKeys.of(7, 3, "Observation", TOKENS);

        assertThat(found(keys, query(7, 3, "code", "http://loinc.org", "3D045000001906202"))).as("system").isFalse();
        assertThat(found(keys, query(7, 3, "code", JLAC10, "3D045000001906203"))).as("code").isFalse();
        assertThat(found(keys, query(7, 3, "category", null, "final"))).as("param").isFalse();
        assertThat(found(keys, query(8, 3, "status", null, "final"))).as("patient").isFalse();
        assertThat(found(keys, SearchKeys.query(List.of(7L), List.of(3L), "DiagnosticReport",
                condition("status", null, "final")))).as("type").isFalse();
        assertThat(found(keys, query(7, 3, "status", "http://hl7.org/fhir/observation-status", "final")))
                .as("a token without a system is not found under one").isFalse();
    }

    @Test
    void identifiersAreKeyedByTheFacilityThatSentThem() {
        long[] first = SearchKeys.of(7, 3, "Observation", List.of(TOKENS.get(2)));
        long[] samePatientOtherFacility = SearchKeys.of(7, 4, "Observation", List.of(TOKENS.get(2)));
        long[] otherPatientSameFacility = SearchKeys.of(9, 3, "Observation", List.of(TOKENS.get(2)));

        assertThat(otherPatientSameFacility).containsExactly(first);
        assertThat(samePatientOtherFacility).doesNotContain(first);
        assertThat(first).contains(SearchKeys.identifier(3, "Observation", ORDER, "A-1"),
                SearchKeys.identifier(3, "Observation", null, "A-1"));
        assertThat(found(first, SearchKeys.query(List.of(7L), List.of(4L, 3L), "Observation",
                condition("identifier", ORDER, "A-1")))).as("asked of every allowed facility").isTrue();
    }

    @Test
    void theSameTokenTwiceIsOneKeyAndAResourceWithoutTokensHasNone() {
        assertThat(SearchKeys.of(7, 3, "Observation", List.of(TOKENS.get(1), TOKENS.get(1)))).hasSize(1);
        assertThat(SearchKeys.of(7, 3, "Observation", List.of())).isEmpty();
    }

    @Test
    void anyOfTheValuesOfAConditionFinds() {
        long[] keys = SearchKeys.of(7, 3, "Observation", TOKENS);
        var condition = new RecordQuery.TokenCondition("code", List.of(new RecordQuery.Value(JLAC10, "0000"),
                new RecordQuery.Value(null, "3D045000001906202")));
        assertThat(SearchKeys.query(List.of(7L, 8L), List.of(3L), "Observation", condition)).hasSize(4);
        assertThat(found(keys, SearchKeys.query(List.of(7L, 8L), List.of(3L), "Observation", condition))).isTrue();
    }

    private static Long[] query(long patientKey, long facility, String param, String system, String code) {
        return SearchKeys.query(List.of(patientKey), List.of(facility), "Observation", condition(param, system, code));
    }

    private static RecordQuery.TokenCondition condition(String param, String system, String code) {
        return new RecordQuery.TokenCondition(param, List.of(new RecordQuery.Value(system, code)));
    }

    /** What PostgreSQL's {@code search_keys && query} answers. */
    private static boolean found(long[] keys, Long[] query) {
        return Arrays.stream(query).anyMatch(q -> Arrays.stream(keys).anyMatch(k -> k == q));
    }
}
