package org.musubi.deid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The de-identification rules, the Japanese default and the pipeline (issue 48, deid). */
class DeidEngineTest {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final DeidKeys KEYS = new DeidKeys("project-48-test-key-0123456789".getBytes(StandardCharsets.UTF_8));

    private static ObjectNode apply(String config, String resource, int shift) {
        DeidEngine engine = new DeidEngine(DeidConfig.parse(config), KEYS);
        ObjectNode node = (ObjectNode) MAPPER.readTree(resource);
        engine.apply(node, shift, new DeidReport());
        return node;
    }

    private static String rules(String... rules) {
        return "{\"rules\":[" + String.join(",", rules) + "]}";
    }

    @Test
    void keepStopsLaterRulesAndRedactRemovesTheElementWithItsPrimitiveExtension() {
        ObjectNode out = apply(rules("{\"path\":\"Patient.name\",\"method\":\"keep\"}",
                        "{\"type\":\"HumanName\",\"method\":\"redact\"}", "{\"path\":\"Patient.gender\",\"method\":\"redact\"}"),
                "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"山田\"}],\"gender\":\"male\",\"_gender\":{\"id\":\"g\"},"
                        + "\"contact\":[{\"name\":{\"family\":\"佐藤\"}}]}", 5);
        assertThat(out.path("name").get(0).path("family").asString()).isEqualTo("山田");
        assertThat(out.has("gender")).isFalse();
        assertThat(out.has("_gender")).isFalse();
        assertThat(out.path("contact").get(0).has("name")).as("HumanName found by type below a path").isFalse();
    }

    @Test
    void dateshiftMovesDatesDateTimesAndPeriodsKeepingTimeOfDayAndZone() {
        ObjectNode out = apply(rules("{\"type\":\"dateTime\",\"method\":\"dateshift\"}",
                        "{\"type\":\"Period\",\"method\":\"dateshift\"}"),
                "{\"resourceType\":\"Encounter\",\"period\":{\"start\":\"2024-02-28T23:30:00+09:00\",\"end\":\"2024-03-01\"},"
                        + "\"meta\":{\"lastUpdated\":\"2024-12-31T10:00:00.123Z\"},\"extension\":[{\"url\":\"x\",\"valueDate\":\"2024-01\"}]}", 3);
        assertThat(out.path("period").path("start").asString()).isEqualTo("2024-03-02T23:30:00+09:00");
        assertThat(out.path("period").path("end").asString()).isEqualTo("2024-03-04");
        assertThat(out.path("meta").path("lastUpdated").asString()).isEqualTo("2025-01-03T10:00:00.123Z");
        assertThat(out.path("extension").get(0).path("valueDate").asString()).isEqualTo("2024-01");
    }

    @Test
    void shiftIsDeterministicPerPersonWithinRangeNeverZeroAndDiffersAcrossPersons() {
        Set<Integer> shifts = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            int s = KEYS.shiftDays("person-" + i, 30);
            assertThat(s).isBetween(-30, 30).isNotZero().isEqualTo(KEYS.shiftDays("person-" + i, 30));
            shifts.add(s);
        }
        assertThat(shifts.size()).isGreaterThan(40);
        DeidKeys other = new DeidKeys("another-project-key-xxxxxxxx".getBytes(StandardCharsets.UTF_8));
        assertThat(other.hash("Patient/1")).isNotEqualTo(KEYS.hash("Patient/1"));
    }

    @Test
    void cryptohashGivesIdsAndReferencesTheSameHashAndDropsDisplays() {
        String config = rules("{\"path\":\"*.id\",\"method\":\"cryptohash\"}", "{\"type\":\"Reference\",\"method\":\"cryptohash\"}");
        ObjectNode patient = apply(config, "{\"resourceType\":\"Patient\",\"id\":\"123\"}", 1);
        ObjectNode obs = apply(config, "{\"resourceType\":\"Observation\",\"id\":\"o1\",\"subject\":{\"reference\":\"Patient/123\",\"display\":\"山田\"},"
                + "\"performer\":[{\"reference\":\"http://x.example/fhir/Patient/123/_history/2\"}],\"hasMember\":[{\"reference\":\"#c1\"}]}", 1);
        String id = patient.path("id").asString();
        assertThat(id).hasSize(64).matches("[0-9a-f]+");
        assertThat(obs.path("subject").path("reference").asString()).isEqualTo("Patient/" + id);
        assertThat(obs.path("subject").has("display")).isFalse();
        assertThat(obs.path("performer").get(0).path("reference").asString()).isEqualTo("Patient/" + id);
        assertThat(obs.path("hasMember").get(0).path("reference").asString()).isEqualTo("#c1");
    }

    @Test
    void generalizeCutsDatesPostcodesAgesAndAddresses() {
        ObjectNode out = apply(rules("{\"path\":\"Patient.birthDate\",\"method\":\"generalize\",\"to\":\"year\"}",
                        "{\"path\":\"Patient.deceasedDateTime\",\"method\":\"generalize\",\"to\":\"year-month\"}",
                        "{\"path\":\"Patient.address\",\"method\":\"generalize\",\"to\":\"municipality\"}",
                        "{\"path\":\"Patient.contact.address\",\"method\":\"generalize\",\"to\":\"postcode3\"}",
                        "{\"path\":\"Observation.valueQuantity\",\"method\":\"generalize\",\"to\":\"age-band:5\"}"),
                "{\"resourceType\":\"Patient\",\"birthDate\":\"1958-03-14\",\"deceasedDateTime\":\"2024-05-06T10:00:00+09:00\","
                        + "\"address\":[{\"line\":[\"大手町1-2\"],\"city\":\"広島市\",\"state\":\"広島県\",\"postalCode\":\"730-0011\"}],"
                        + "\"contact\":[{\"address\":{\"postalCode\":\"730-0011\",\"city\":\"呉市\"}}]}", 1);
        assertThat(out.path("birthDate").asString()).isEqualTo("1958");
        assertThat(out.path("deceasedDateTime").asString()).isEqualTo("2024-05");
        assertThat(out.path("address").get(0).toString()).isEqualTo("{\"state\":\"広島県\",\"city\":\"広島市\"}");
        assertThat(out.path("contact").get(0).path("address").path("postalCode").asString()).isEqualTo("730");
        ObjectNode age = apply(rules("{\"path\":\"Observation.valueQuantity\",\"method\":\"generalize\",\"to\":\"age-band:5\"}"),
                "{\"resourceType\":\"Observation\",\"valueQuantity\":{\"value\":47,\"unit\":\"a\"}}", 1);
        assertThat(age.path("valueQuantity").path("value").asInt()).isEqualTo(45);
        ObjectNode prefecture = apply(rules("{\"type\":\"Address\",\"method\":\"generalize\",\"to\":\"prefecture\"}"),
                "{\"resourceType\":\"Patient\",\"address\":[{\"city\":\"広島市\",\"state\":\"広島県\"}]}", 1);
        assertThat(prefecture.path("address").get(0).toString()).isEqualTo("{\"state\":\"広島県\"}");
    }

    @Test
    void substituteReplacesPrimitives() {
        ObjectNode out = apply(rules("{\"path\":\"**.note\",\"method\":\"substitute\",\"value\":\"(removed)\"}"),
                "{\"resourceType\":\"Condition\",\"note\":[{\"text\":\"a\"},{\"text\":\"b\"}]}", 1);
        assertThat(out.path("note").toString()).isEqualTo("[\"(removed)\",\"(removed)\"]");
    }

    @Test
    void validationErrorsNameTheRuleAndPath() {
        assertThatThrownBy(() -> DeidConfig.parse(rules("{\"path\":\"Patient.name\",\"method\":\"redact\"}",
                "{\"path\":\"Patient.birth-date\",\"method\":\"redact\"}")))
                .isInstanceOf(DeidConfigException.class).hasMessageContaining("rule 2 (path Patient.birth-date)");
        assertThatThrownBy(() -> DeidConfig.parse(rules("{\"path\":\"Patient.birthDate\",\"method\":\"generalize\",\"to\":\"decade\"}")))
                .hasMessageContaining("rule 1 (path Patient.birthDate)").hasMessageContaining("decade");
        assertThatThrownBy(() -> DeidConfig.parse(rules("{\"type\":\"Name\",\"method\":\"redact\"}")))
                .hasMessageContaining("rule 1 (type Name)");
        assertThatThrownBy(() -> DeidConfig.parse(rules("{\"path\":\"Patient.id\",\"method\":\"shred\"}")))
                .hasMessageContaining("rule 1 (path Patient.id)").hasMessageContaining("shred");
        assertThatThrownBy(() -> DeidConfig.parse(rules("{\"path\":\"Patient.id\",\"method\":\"substitute\"}")))
                .hasMessageContaining("substitute needs");
        assertThatThrownBy(() -> DeidConfig.parse("[]")).isInstanceOf(DeidConfigException.class);
    }

    @Test
    void japaneseDefaultLeavesNoIdentifyingValueAndKeepsShiftsAndReferencesConsistent() throws IOException {
        DeidEngine engine = new DeidEngine(DeidConfig.japaneseDefault(), KEYS);
        Random random = new Random(48);
        List<SyntheticJpRecords.Person> persons = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            persons.add(SyntheticJpRecords.person(i, 12, random));
        }
        persons.addAll(samples());
        Map<String, ByteArrayOutputStream> outputs = new HashMap<>();
        DeidPipeline pipeline = new DeidPipeline(engine, List.of(), LocalDate.of(2025, 4, 1));
        DeidReport report = pipeline.run(each -> persons.forEach(p -> each.accept(new PersonRecords(p.key(), p.resources()))),
                type -> outputs.computeIfAbsent(type, t -> new ByteArrayOutputStream()));
        String all = outputs.values().stream().map(b -> b.toString(StandardCharsets.UTF_8)).reduce("", String::concat);
        for (SyntheticJpRecords.Person p : persons) {
            for (String secret : p.secrets()) {
                if (all.contains(secret)) {
                    throw new AssertionError("output of " + p.key() + " contains " + secret);
                }
            }
        }
        assertThat(all).doesNotContain("タロウ", "次郎", "\"telecom\"", "\"photo\"", "\"identifier\"", "\"div\"",
                "\"note\"", "groupIdentifier", "JP_Insurance_memberID", "\"line\"", "\"postalCode\"");
        assertThat(outputs.keySet()).contains("Patient", "Observation", "Condition", "MedicationRequest", "Encounter");
        assertThat(report.removedByKind()).containsKeys("HumanName", "Identifier", "ContactPoint", "Attachment", "Narrative");
        assertThat(report.resourcesIn()).isEqualTo(persons.stream().mapToLong(p -> p.resources().size()).sum());

        // per person: one shift for every date, the original time of day, references to the hashed Patient id
        Map<String, JsonNode> outById = new HashMap<>();
        for (ByteArrayOutputStream b : outputs.values()) {
            for (String line : b.toString(StandardCharsets.UTF_8).split("\n")) {
                JsonNode r = MAPPER.readTree(line);
                outById.put(r.path("resourceType").asString() + "/" + r.path("id").asString(), r);
            }
        }
        Set<Long> shiftsSeen = new HashSet<>();
        for (SyntheticJpRecords.Person p : persons.subList(0, 40)) {
            Set<Long> shifts = new HashSet<>();
            String patientId = null;
            for (String json : p.resources()) {
                JsonNode in = MAPPER.readTree(json);
                String type = in.path("resourceType").asString();
                JsonNode out = outById.get(type + "/" + engine.hashedId(type, in.path("id").asString()));
                assertThat(out).as("%s/%s", type, in.path("id").asString()).isNotNull();
                if (type.equals("Patient")) {
                    patientId = out.path("id").asString();
                    assertThat(out.path("birthDate").asString()).isEqualTo(p.birthDate().substring(0, 4));
                    continue;
                }
                assertThat(out.path("subject").path("reference").asString()).isEqualTo("Patient/" + patientId);
                for (String field : List.of("effectiveDateTime", "onsetDateTime", "authoredOn", "recordedDate")) {
                    if (in.has(field)) {
                        String a = in.path(field).asString();
                        String b = out.path(field).asString();
                        shifts.add(ChronoUnit.DAYS.between(LocalDate.parse(a.substring(0, 10)), LocalDate.parse(b.substring(0, 10))));
                        assertThat(b.substring(10)).isEqualTo(a.substring(10));
                    }
                }
                if (in.has("period")) {
                    shifts.add(ChronoUnit.DAYS.between(LocalDate.parse(in.at("/period/start").asString().substring(0, 10)),
                            LocalDate.parse(out.at("/period/start").asString().substring(0, 10))));
                }
                if (type.equals("MedicationRequest")) {
                    assertThat(out.at("/medicationReference/reference").asString()).isEqualTo("#med1");
                    assertThat(out.at("/contained/0/id").asString()).isEqualTo("med1");
                    assertThat(out.at("/dosageInstruction/0").has("text")).isFalse();
                }
            }
            assertThat(shifts).as("one shift for all of %s's dates", p.key()).hasSize(1).doesNotContain(0L);
            shiftsSeen.addAll(shifts);
        }
        assertThat(shiftsSeen.size()).as("shifts differ across persons").isGreaterThan(5);
    }

    /** JP-CLINS / JP Core examples from ../shared/samples when present (skipped when absent). */
    private static List<SyntheticJpRecords.Person> samples() throws IOException {
        Path dir = Path.of("../shared/samples/jp-clins-examples");
        List<SyntheticJpRecords.Person> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (var files = Files.walk(dir)) {
            for (Path f : files.filter(x -> x.toString().endsWith(".json")).limit(30).toList()) {
                JsonNode node;
                try {
                    node = MAPPER.readTree(Files.readString(f));
                } catch (RuntimeException e) {
                    continue;
                }
                List<String> resources = new ArrayList<>();
                List<String> secrets = new ArrayList<>();
                collect(node, resources, secrets);
                if (!resources.isEmpty()) {
                    out.add(new SyntheticJpRecords.Person("sample-" + f.getFileName(), resources, secrets, "0000"));
                }
            }
        }
        return out;
    }

    private static void collect(JsonNode node, List<String> resources, List<String> secrets) {
        if ("Bundle".equals(node.path("resourceType").asString(""))) {
            for (JsonNode entry : node.path("entry")) {
                collect(entry.path("resource"), resources, secrets);
            }
            return;
        }
        if (!node.has("resourceType")) {
            return;
        }
        resources.add(node.toString());
        if ("Patient".equals(node.path("resourceType").asString())) {
            for (JsonNode name : node.path("name")) {
                if (name.path("family").isString() && name.path("family").asString().length() > 1) {
                    secrets.add(name.path("family").asString());
                }
            }
            for (JsonNode id : node.path("identifier")) {
                if (id.path("value").isString() && id.path("value").asString().length() > 4) {
                    secrets.add(id.path("value").asString());
                }
            }
            for (JsonNode t : node.path("telecom")) {
                if (t.path("value").isString()) {
                    secrets.add(t.path("value").asString());
                }
            }
            if (node.path("birthDate").asString("").length() == 10) {
                secrets.add(node.path("birthDate").asString());
            }
        }
    }

    @Test
    void aProjectsApprovedFieldsKeepOnlyThoseElementsOfTheirCategoryAndTheReportSaysWhatWentAndWhy() throws IOException {
        String condition = "{\"resourceType\":\"Condition\",\"id\":\"c1\",\"subject\":{\"reference\":\"Patient/p\"},"
                + "\"code\":{\"coding\":[{\"system\":\"http://hl7.org/fhir/sid/icd-10\",\"code\":\"E11.9\"}]},"
                + "\"onsetDateTime\":\"2025-03-01\",\"_onsetDateTime\":{\"extension\":[]},"
                + "\"clinicalStatus\":{\"text\":\"active\"},\"bodySite\":[{\"text\":\"膵臓\"}]}";
        String observation = "{\"resourceType\":\"Observation\",\"id\":\"o1\",\"subject\":{\"reference\":\"Patient/p\"},"
                + "\"status\":\"final\",\"valueQuantity\":{\"value\":7.1,\"unit\":\"%\"}}";
        String patient = "{\"resourceType\":\"Patient\",\"id\":\"p\",\"gender\":\"male\"}";
        Map<String, ByteArrayOutputStream> outputs = new HashMap<>();
        DeidPipeline pipeline = new DeidPipeline(new DeidEngine(DeidConfig.japaneseDefault(), KEYS), List.of(),
                LocalDate.of(2025, 4, 1)).keepingOnly(Map.of("DIAGNOSES", List.of("code", "onsetDateTime"),
                "LAB_RESULTS", List.of()));
        DeidReport report = pipeline.run(each -> each.accept(new PersonRecords("person-1",
                        List.of(patient, condition, observation), java.util.Arrays.asList(null, "DIAGNOSES", "LAB_RESULTS"))),
                type -> outputs.computeIfAbsent(type, t -> new ByteArrayOutputStream()));
        JsonNode c = MAPPER.readTree(outputs.get("Condition").toString(StandardCharsets.UTF_8).strip());
        assertThat(c.propertyNames()).as("the approved fields and what every resource keeps")
                .containsExactlyInAnyOrder("resourceType", "id", "subject", "code", "onsetDateTime", "_onsetDateTime");
        assertThat(c.path("code").path("coding").get(0).path("code").asString()).isEqualTo("E11.9");
        assertThat(c.path("onsetDateTime").asString()).as("still shifted by the rules").isNotEqualTo("2025-03-01");
        JsonNode o = MAPPER.readTree(outputs.get("Observation").toString(StandardCharsets.UTF_8).strip());
        assertThat(o.has("valueQuantity") && o.has("status")).as("an empty list trims nothing").isTrue();
        assertThat(outputs.get("Patient").toString(StandardCharsets.UTF_8)).contains("\"gender\"");
        assertThat(report.removedByKind()).containsEntry("not approved: Condition.clinicalStatus", 1L)
                .containsEntry("not approved: Condition.bodySite", 1L)
                .doesNotContainKey("not approved: Condition.onsetDateTime");
        assertThatThrownBy(() -> new PersonRecords("k", List.of(patient), List.of("A", "B")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
