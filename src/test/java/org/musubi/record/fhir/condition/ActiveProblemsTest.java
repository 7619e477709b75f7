package org.musubi.record.fhir.condition;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.musubi.policy.DataCategory;
import org.musubi.record.StoredResource;
import org.musubi.record.fhir.FhirSystems;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A person's problem list as every screen, letter and document reads it: each diagnosis once, with its marks. */
class ActiveProblemsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MEDIS = FhirSystems.DISEASE_KEY;
    private final List<StoredResource> stored = new ArrayList<>();
    private final List<JsonNode> json = new ArrayList<>();

    @Test
    void aDiagnosisThreeFacilitiesSentIsListedOnceWithItsEarliestOnsetAndEverySender() {
        condition(1, "2型糖尿病", "20061234", "E11.9", "2021-04-01", "confirmed", "active");
        condition(2, "２型 糖尿病", null, "E119", "2019-10-15", "confirmed", "active");
        condition(3, "2型糖尿病", null, null, "2024-01-20", null, null);

        List<Problem> problems = ActiveProblems.of(stored, json);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.title()).isEqualTo("2型糖尿病");
            assertThat(p.onset()).isEqualTo(LocalDate.of(2019, 10, 15));
            assertThat(p.sources()).containsExactly(2L, 1L, 3L);
            assertThat(p.marks()).isEmpty();
            assertThat(p.refs()).first().as("named by the sender with the disease master code").isEqualTo("Condition/c1");
            assertThat(p.refs()).hasSize(3);
        });
    }

    @Test
    void theSameDiseaseMasterCodeJoinsDiagnosesWrittenInOtherWords() {
        condition(1, "糖尿病性腎症", "20064321", null, "2022-01-01", "confirmed", "active");
        condition(2, "2型糖尿病性腎症", "20064321", null, "2023-01-01", "confirmed", "active");
        assertThat(ActiveProblems.of(stored, json)).singleElement().satisfies(p -> {
            assertThat(p.sources()).containsExactly(1L, 2L);
            assertThat(p.title()).isEqualTo("糖尿病性腎症");
        });
    }

    @Test
    void oneIcd10CodeDoesNotJoinTwoDiagnoses() {
        condition(1, "高血圧症", null, "I10", "2020-01-01", "confirmed", "active");
        condition(2, "本態性高血圧症", null, "I10", "2021-01-01", "confirmed", "active");
        assertThat(ActiveProblems.of(stored, json)).extracting(Problem::title)
                .containsExactly("本態性高血圧症", "高血圧症");
    }

    @Test
    void aDiagnosisIsSuspectedOnlyWhileNoSenderConfirmsIt() {
        condition(1, "胃潰瘍", null, null, "2026-01-01", "unconfirmed", "active");
        condition(2, "胃潰瘍", null, null, "2026-02-01", "provisional", "active");
        condition(3, "腰痛症", null, null, "2026-03-01", "differential", "active");
        condition(4, "腰痛症", null, null, "2026-04-01", "confirmed", "active");

        List<Problem> problems = ActiveProblems.of(stored, json);

        assertThat(problems).extracting(Problem::title, Problem::markKeys).containsExactly(
                org.assertj.core.groups.Tuple.tuple("腰痛症", List.of()),
                org.assertj.core.groups.Tuple.tuple("胃潰瘍", List.of("problem.mark.SUSPECTED")));
    }

    @Test
    void refutedResolvedAbatedAndMistakenDiagnosesAreNotActive() {
        condition(1, "肺炎", null, "J18.9", "2026-01-01", "refuted", "active");
        condition(1, "感冒", null, null, "2026-01-01", "confirmed", "resolved");
        condition(1, "骨折", null, null, "2025-01-01", "entered-in-error", null);
        condition(1, "胃腸炎", null, null, "2025-01-01", null, "inactive");
        JsonNode abated = condition(1, "帯状疱疹", null, null, "2025-05-01", "confirmed", null);
        ((tools.jackson.databind.node.ObjectNode) abated).put("abatementDateTime", "2025-06-01");
        condition(1, "気管支喘息", null, null, "2010-01-01", null, "recurrence");
        stored.add(new StoredResource(1, "d1", "Condition", 1, 1, DataCategory.DIAGNOSES, Instant.EPOCH, true,
                "{\"resourceType\":\"Condition\"}"));
        json.add(JSON.readTree("{\"resourceType\":\"Condition\",\"code\":{\"text\":\"削除済み\"}}"));

        assertThat(ActiveProblems.of(stored, json)).extracting(Problem::title).containsExactly("気管支喘息");
    }

    @Test
    void mainDiagnosisFromJpClinsOrAReceiptAndTheClinsFlagsAreMarks() {
        JsonNode clins = condition(1, "胃癌", null, null, "2026-01-01", "confirmed", "active");
        ((tools.jackson.databind.node.ObjectNode) clins).set("extension", JSON.readTree("""
                [{"url":"%s","valueCodeableConcept":{"coding":[{"system":"%s","code":"principal"}]}}]"""
                .formatted(FhirSystems.DIAGNOSIS_TYPE, FhirSystems.EX_DIAGNOSIS_TYPE)));
        JsonNode receipt = condition(2, "心不全", null, null, "2026-02-01", "confirmed", "active");
        ((tools.jackson.databind.node.ObjectNode) receipt).set("category", JSON.readTree("""
                [{"coding":[{"system":"%s","code":"01"}]}]""".formatted(FhirSystems.RECEIPT_MAIN_DIAGNOSIS)));
        stored.set(0, flagged(stored.get(0), DataCategory.UNINFORMED));

        assertThat(ActiveProblems.of(stored, json)).extracting(Problem::title, Problem::markKeys).containsExactly(
                org.assertj.core.groups.Tuple.tuple("心不全", List.of("problem.mark.MAIN")),
                org.assertj.core.groups.Tuple.tuple("胃癌", List.of("problem.mark.MAIN", "chart.mark.UNINFORMED")));
    }

    @Test
    void aHistoryAPharmacistWroteDownIsReportedHistoryNotSuspected() {
        JsonNode history = condition(1, "高血圧", null, null, null, "unconfirmed", null);
        ((tools.jackson.databind.node.ObjectNode) history).set("category", JSON.readTree("""
                [{"coding":[{"system":"%s","code":"reported-history"}]}]""".formatted(FhirSystems.MUSUBI_CONDITION_CATEGORY)));
        condition(2, "喘息", null, null, null, "unconfirmed", null);

        assertThat(ActiveProblems.of(stored, json)).extracting(Problem::title, Problem::markKeys).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("高血圧", List.of("problem.mark.REPORTED_HISTORY")),
                org.assertj.core.groups.Tuple.tuple("喘息", List.of("problem.mark.SUSPECTED")));
    }

    @Test
    void aReportedHistoryADoctorDiagnosedIsADiagnosis() {
        JsonNode history = condition(1, "高血圧", null, null, null, "unconfirmed", null);
        ((tools.jackson.databind.node.ObjectNode) history).set("category", JSON.readTree("""
                [{"coding":[{"system":"%s","code":"reported-history"}]}]""".formatted(FhirSystems.MUSUBI_CONDITION_CATEGORY)));
        condition(2, "高血圧", null, "I10", "2020-01-01", "confirmed", "active");
        assertThat(ActiveProblems.of(stored, json)).singleElement()
                .satisfies(p -> assertThat(p.marks()).isEmpty());
    }

    @Test
    void otherResourcesAreLeftOut() {
        stored.add(new StoredResource(1, "a1", "AllergyIntolerance", 1, 1, DataCategory.ALLERGIES, Instant.EPOCH, false,
                "{}"));
        json.add(JSON.readTree("{\"resourceType\":\"AllergyIntolerance\",\"code\":{\"text\":\"ペニシリン\"}}"));
        assertThat(ActiveProblems.of(stored, json)).isEmpty();
    }

    private JsonNode condition(long facility, String name, String medis, String icd10, String onset, String verification,
                               String clinical) {
        StringBuilder codings = new StringBuilder();
        if (medis != null) {
            codings.append("{\"system\":\"").append(MEDIS).append("\",\"code\":\"").append(medis).append("\",\"display\":\"")
                    .append(name).append("\"}");
        }
        if (icd10 != null) {
            codings.append(codings.isEmpty() ? "" : ",").append("{\"system\":\"").append(FhirSystems.ICD10)
                    .append("\",\"code\":\"").append(icd10).append("\"}");
        }
        String text = "{\"resourceType\":\"Condition\",\"code\":{\"coding\":[" + codings + "],\"text\":\"" + name + "\"}"
                + (onset == null ? "" : ",\"onsetDateTime\":\"" + onset + "\"")
                + (verification == null ? "" : ",\"verificationStatus\":{\"coding\":[{\"system\":\""
                + FhirSystems.CONDITION_VERIFICATION + "\",\"code\":\"" + verification + "\"}]}")
                + (clinical == null ? "" : ",\"clinicalStatus\":{\"coding\":[{\"system\":\"" + FhirSystems.CONDITION_CLINICAL
                + "\",\"code\":\"" + clinical + "\"}]}") + "}";
        stored.add(new StoredResource(1, "c" + (stored.size() + 1), "Condition", 1, facility, DataCategory.DIAGNOSES,
                Instant.EPOCH, false, text));
        JsonNode node = JSON.readTree(text);
        json.add(node);
        return node;
    }

    private static StoredResource flagged(StoredResource r, DataCategory flag) {
        return new StoredResource(r.patientKey(), r.id(), r.type(), r.version(), r.sourceFacilityId(), r.category(),
                r.lastUpdated(), r.deleted(), r.json(), Set.of(flag));
    }
}
