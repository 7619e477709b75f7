package org.musubi.fhirapi.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class JsonMembersTest {

    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY).build();

    @Test
    void stampsTheDatabasesJsonTextWithIdAndVersionKeepingEveryOtherMemberAsItIs() {
        // jsonb's own output: spaces after ':' and ',', keys ordered by length; strings holding
        // braces, brackets, quotes, commas and escapes must not confuse the scan
        String stored = "{\"code\": {\"text\": \"a } ] , \\\" {\", \"coding\": [{\"code\": \"3D010\"}]}, \"meta\": "
                + "{\"profile\": [\"http://jpfhir.jp/fhir/core/StructureDefinition/JP_Observation_LabResult\"]}, "
                + "\"status\": \"final\", \"subject\": {\"reference\": \"Patient/p1\"}, \"valueQuantity\": "
                + "{\"unit\": \"%\", \"value\": 6.8}, \"resourceType\": \"Observation\", \"interpretation\": []}";

        String stamped = JsonMembers.stamped(stored, "Observation", "o-1", "3", "2026-11-22T08:00:00.123+00:00");

        JsonNode tree = STRICT.readTree(stamped);
        assertThat(stamped).startsWith("{\"resourceType\":\"Observation\",\"id\":\"o-1\",\"meta\":{");
        assertThat(tree.get("meta").get("versionId").asString()).isEqualTo("3");
        assertThat(tree.get("meta").get("lastUpdated").asString()).isEqualTo("2026-11-22T08:00:00.123+00:00");
        assertThat(tree.get("meta").get("profile").get(0).asString()).endsWith("JP_Observation_LabResult");
        assertThat(tree.get("code").get("text").asString()).isEqualTo("a } ] , \" {");
        assertThat(tree.get("valueQuantity").get("value").asDouble()).isEqualTo(6.8);
        assertThat(tree.get("interpretation").isArray()).isTrue();
        assertThat(tree.propertyNames()).containsExactly("resourceType", "id", "meta", "code", "status", "subject",
                "valueQuantity", "interpretation");
    }

    @Test
    void aResourceWithoutMetaOrWithAVersionAlreadyGetsExactlyOneOfEach() {
        String bare = JsonMembers.stamped("{\"resourceType\": \"Encounter\"}", "Encounter", "e", "1", "t");
        assertThat(STRICT.readTree(bare).toString())
                .isEqualTo("{\"resourceType\":\"Encounter\",\"id\":\"e\",\"meta\":{\"versionId\":\"1\",\"lastUpdated\":\"t\"}}");

        // a document Bundle is kept as sent, with the sender's own meta
        String sent = "{\"id\": \"old\", \"meta\": {\"versionId\": \"9\", \"lastUpdated\": \"2020-01-01T00:00:00Z\", "
                + "\"tag\": [{\"code\": \"x\"}]}, \"type\": \"document\", \"resourceType\": \"Bundle\"}";
        JsonNode tree = STRICT.readTree(JsonMembers.stamped(sent, "Bundle", "b", "2", "now"));
        assertThat(tree.get("id").asString()).isEqualTo("b");
        assertThat(tree.get("meta").get("versionId").asString()).isEqualTo("2");
        assertThat(tree.get("meta").get("lastUpdated").asString()).isEqualTo("now");
        assertThat(tree.get("meta").get("tag").get(0).get("code").asString()).isEqualTo("x");
        assertThat(tree.get("type").asString()).isEqualTo("document");
    }

    @Test
    void hapiReadsTheStampedResourceWithTheSameContent() {
        FhirContext context = FhirContext.forR4Cached();
        Observation observation = new Observation();
        observation.setStatus(Observation.ObservationStatus.FINAL).getCode().addCoding()
                .setSystem("urn:oid:1.2.392.200119.4.504").setCode("3D046000001920402").setDisplay("HbA1c \"NGSP\" {%}");
        observation.getMeta().addProfile("http://jpfhir.jp/fhir/core/StructureDefinition/JP_Observation_LabResult");
        String stored = context.newJsonParser().encodeResourceToString(observation);

        Observation read = context.newJsonParser().parseResource(Observation.class,
                JsonMembers.stamped(stored, "Observation", "abc", "4", "2026-11-22T08:00:00.123+00:00"));

        assertThat(read.getIdElement().getIdPart()).isEqualTo("abc");
        assertThat(read.getMeta().getVersionId()).isEqualTo("4");
        assertThat(read.getCode().getCodingFirstRep().getDisplay()).isEqualTo("HbA1c \"NGSP\" {%}");
        assertThat(read.getMeta().getProfile()).hasSize(1);
        assertThat(read.getStatus()).isEqualTo(Observation.ObservationStatus.FINAL);
    }

    @Test
    void compactTextIsStampedByCopyingItsRestAndGivesTheSameTextAsFindingEveryMember() {
        FhirContext context = FhirContext.forR4Cached();
        Observation observation = new Observation();
        observation.setId("kept-1");
        observation.setStatus(Observation.ObservationStatus.FINAL).getCode().setText("a } ] , \" { \"meta\":{}");
        observation.getMeta().setVersionId("7").addProfile("http://jpfhir.jp/fhir/core/StructureDefinition/JP_Observation_Common")
                .addTag().setCode("t");
        String withMeta = context.newJsonParser().encodeResourceToString(observation);
        observation.setMeta(null);
        String withoutMeta = context.newJsonParser().encodeResourceToString(observation);
        observation.setId((String) null);
        String withoutId = context.newJsonParser().encodeResourceToString(observation);
        String onlyType = "{\"resourceType\":\"Observation\"}";

        for (String stored : new String[] {withMeta, withoutMeta, withoutId, onlyType}) {
            String compact = JsonMembers.stampedCompact(stored, "Observation", "o-9", "3", "2026-11-24T08:00:00.000+00:00");
            assertThat(compact).as(stored).isNotNull()
                    .isEqualTo(JsonMembers.stampedByMembers(stored, "Observation", "o-9", "3", "2026-11-24T08:00:00.000+00:00"));
            JsonNode tree = STRICT.readTree(compact);
            assertThat(tree.get("id").asString()).isEqualTo("o-9");
            assertThat(tree.get("meta").get("versionId").asString()).isEqualTo("3");
        }
        assertThat(STRICT.readTree(JsonMembers.stamped(withMeta, "Observation", "o-9", "3", "x")).get("meta").get("tag")
                .get(0).get("code").asString()).isEqualTo("t");
        // anything else takes the scan of every member: white space (jsonb), another first member, another type
        assertThat(JsonMembers.stampedCompact("{\"resourceType\": \"Observation\"}", "Observation", "o", "1", "t")).isNull();
        assertThat(JsonMembers.stampedCompact("{\"id\":\"o\",\"resourceType\":\"Observation\"}", "Observation", "o", "1",
                "t")).isNull();
        assertThat(JsonMembers.stampedCompact(withMeta, "Observationx", "o", "1", "t")).isNull();
        assertThat(JsonMembers.stampedCompact(withMeta, "Obs", "o", "1", "t")).isNull();
    }

    @Test
    void textThatIsNotAnObjectIsRefused() {
        assertThatThrownBy(() -> JsonMembers.of("[1, 2]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonMembers.of("{\"a\": \"open")).isInstanceOf(IllegalArgumentException.class);
    }
}
