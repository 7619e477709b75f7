package org.musubi.portal.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.musubi.policy.DataCategory;
import org.musubi.record.StoredResource;

class ChartEntriesTest {

    private static ChartEntry of(String type, String json) {
        return ChartEntries.of(new StoredResource(1, "r1", type, 1, 7, DataCategory.MEDICATIONS, Instant.now(), false, json))
                .orElseThrow();
    }

    private static java.util.Optional<ChartEntry> of(String type, DataCategory category, String json) {
        return ChartEntries.of(new StoredResource(1, "r1", type, 1, 7, category, Instant.now(), false, json));
    }

    @Test
    void theCareNetworksResourcesAreCareEntriesWithWhatTheySay() {
        ChartEntry task = of("Task", DataCategory.CARE_RECORDS, """
                {"resourceType":"Task","status":"requested","intent":"order","description":"残薬を確認する",
                 "authoredOn":"2026-11-20T09:00:00+09:00","owner":{"display":"薬剤師 花子"},
                 "restriction":{"period":{"end":"2026-11-27"}}}""").orElseThrow();
        ChartEntry goal = of("Goal", DataCategory.CARE_RECORDS, """
                {"resourceType":"Goal","lifecycleStatus":"active","description":{"text":"自宅で入浴できる"},
                 "startDate":"2026-10-01","target":[{"dueDate":"2027-03-31"}]}""").orElseThrow();
        ChartEntry form = of("QuestionnaireResponse", DataCategory.DOCUMENTS, """
                {"resourceType":"QuestionnaireResponse","status":"completed","authored":"2026-11-01T10:00:00+09:00",
                 "questionnaire":"urn:musubi:pathway:stroke/acute|1",
                 "item":[{"linkId":"mrs","answer":[{"valueInteger":3}]},
                         {"linkId":"g","item":[{"linkId":"b1","answer":[{"valueInteger":10}]}]}]}""").orElseThrow();
        ChartEntry note = of("Communication", DataCategory.CARE_RECORDS, """
                {"resourceType":"Communication","status":"completed","sent":"2026-11-21T15:00:00+09:00",
                 "payload":[{"contentString":"褥瘡は改善傾向"}],"sender":{"display":"訪問看護 太郎"}}""").orElseThrow();
        ChartEntry team = of("CareTeam", DataCategory.CARE_RECORDS, """
                {"resourceType":"CareTeam","status":"active","name":"在宅チーム","period":{"start":"2026-09-01"},
                 "participant":[{"role":[{"text":"訪問看護師"}],"member":{"display":"看護 一子"}}]}""").orElseThrow();

        assertThat(java.util.List.of(task, goal, form, note, team)).extracting(ChartEntry::kind)
                .containsOnly(TimelineKind.CARE);
        assertThat(task.title()).isEqualTo("残薬を確認する");
        assertThat(task.details()).extracting(ChartEntry.Detail::value).contains("薬剤師 花子", "2026-11-27");
        assertThat(task.day()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(goal.title()).isEqualTo("自宅で入浴できる");
        assertThat(goal.active()).isTrue();
        assertThat(form.title()).isEqualTo("urn:musubi:pathway:stroke/acute|1");
        assertThat(form.details()).filteredOn(d -> d.labelKey().equals("chart.detail.answers"))
                .extracting(ChartEntry.Detail::value).as("nested answers counted").containsExactly("2");
        assertThat(note.title()).isEqualTo("褥瘡は改善傾向");
        assertThat(team.details()).extracting(ChartEntry.Detail::value).contains("訪問看護師: 看護 一子");
    }

    /** A death is {@code inactive} in the status; the outcome (転帰) says it was a death, on its own line. */
    @Test
    void aDiagnosisShowsItsOutcomeInItsSendersWordsBesideItsStatus() {
        ChartEntry entry = of("Condition", DataCategory.DIAGNOSES, """
                {"resourceType":"Condition","code":{"text":"急性心筋梗塞"},"onsetDateTime":"2026-05-18",
                 "abatementDateTime":"2026-05-19",
                 "extension":[{"url":"http://jpfhir.jp/fhir/core/Extension/StructureDefinition/JP_Condition_DiseaseOutcome",
                   "valueCodeableConcept":{"coding":[{"system":"urn:musubi:orca:outcome","code":"D","display":"死亡"}],
                   "text":"死亡"}}],
                 "clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical",
                   "code":"inactive"}]}}""").orElseThrow();

        assertThat(entry.details()).extracting(d -> d.labelKey() + " " + d.value()).containsExactly(
                "chart.detail.onset 2026-05-18", "chart.detail.abatement 2026-05-19", "chart.detail.outcome 死亡",
                "chart.detail.clinicalStatus inactive");
        assertThat(entry.active()).isFalse();
    }

    @Test
    void aLettersTaskIsNoCareEntryAndADocumentsMessageIsADocument() {
        assertThat(of("Task", DataCategory.REFERRALS, """
                {"resourceType":"Task","status":"requested","intent":"order"}""")).isEmpty();
        assertThat(of("Communication", DataCategory.DOCUMENTS, """
                {"resourceType":"Communication","status":"completed","payload":[{"contentString":"ご相談"}]}""")
                .orElseThrow().kind()).isEqualTo(TimelineKind.DOCUMENT);
    }

    @Test
    void aJahisDispensingShowsDrugDaysAndThePharmacyFromItsContainedOrganization() {
        ChartEntry entry = of("MedicationDispense", """
                {"resourceType":"MedicationDispense","contained":[{"resourceType":"Organization","id":"pharmacy","name":"駅前薬局"}],
                 "performer":[{"actor":{"reference":"#pharmacy"}}],"whenHandedOver":"2026-01-10",
                 "medicationCodeableConcept":{"coding":[{"system":"http://capstandard.jp/iyaku.info/CodeSystem/YJ-code",
                 "code":"2171022F1020","display":"アムロジピン錠5mg"}]},
                 "daysSupply":{"value":28,"unit":"日分"},"dosageInstruction":[{"text":"1日1回朝食後"}]}""");

        assertThat(entry.kind()).isEqualTo(TimelineKind.DISPENSING);
        assertThat(entry.title()).isEqualTo("アムロジピン錠5mg");
        assertThat(entry.day()).isEqualTo(LocalDate.of(2026, 1, 10));
        assertThat(entry.details()).extracting(ChartEntry.Detail::value)
                .contains("1日1回朝食後", "28 日分", "駅前薬局");
    }

    @Test
    void aJahisDispensingShowsThePharmacyItRefersToByTheReferencesDisplay() {
        ChartEntry entry = of("MedicationDispense", """
                {"resourceType":"MedicationDispense","performer":[
                 {"actor":{"reference":"Practitioner/0f1e2d3c-0000-8000-8000-000000000001","display":"薬剤師 一郎"}},
                 {"actor":{"reference":"Organization/0f1e2d3c-0000-8000-8000-000000000002","display":"駅前薬局"}}],
                 "whenHandedOver":"2026-01-10","medicationCodeableConcept":{"text":"アムロジピン錠5mg"}}""");

        assertThat(entry.details()).filteredOn(d -> d.labelKey().equals("chart.detail.pharmacy"))
                .extracting(ChartEntry.Detail::value).as("the performer that is an Organization")
                .containsExactly("駅前薬局");
    }

    @Test
    void aBloodPressurePanelShowsItsComponentsValues() {
        ChartEntry entry = of("Observation", """
                {"resourceType":"Observation","status":"final","effectiveDateTime":"2026-11-24T08:30:00+09:00",
                 "category":[{"coding":[{"code":"vital-signs"}]}],"code":{"text":"血圧"},
                 "component":[{"code":{"text":"収縮期血圧"},"valueQuantity":{"value":128,"unit":"mmHg"}},
                              {"code":{"text":"拡張期血圧"},"valueQuantity":{"value":82,"unit":"mmHg"}}]}""");

        assertThat(entry.title()).isEqualTo("血圧 収縮期血圧 128 mmHg / 拡張期血圧 82 mmHg");
    }

    @Test
    void anInjectionOrderIsAnInjectionByItsJpCoreProfile() {
        ChartEntry entry = of("MedicationRequest", """
                {"resourceType":"MedicationRequest","meta":{"profile":[
                 "http://jpfhir.jp/fhir/core/StructureDefinition/JP_MedicationRequest_Injection"]},
                 "authoredOn":"2024-02-01T10:00:00+09:00","medicationCodeableConcept":{"text":"生理食塩液"}}""");

        assertThat(entry.kind()).isEqualTo(TimelineKind.INJECTION);
        assertThat(entry.title()).isEqualTo("生理食塩液");
    }

    @Test
    void aSuspectedOrResolvedDiagnosisIsNotAnActiveProblem() {
        ChartEntry suspected = of("Condition", """
                {"resourceType":"Condition","code":{"text":"胃癌"},"onsetDateTime":"2024-01-01",
                 "verificationStatus":{"coding":[{"code":"provisional"}]}}""");
        ChartEntry resolved = of("Condition", """
                {"resourceType":"Condition","code":{"text":"肺炎"},"onsetDateTime":"2024-01-01",
                 "abatementDateTime":"2024-02-01"}""");
        ChartEntry refuted = of("Condition", """
                {"resourceType":"Condition","code":{"text":"結核"},"verificationStatus":{"coding":[{"code":"refuted"}]}}""");

        assertThat(suspected.title()).as("the name as sent; 疑い is a mark, shown by its label").isEqualTo("胃癌");
        assertThat(suspected.marks()).containsExactly("problem.mark.SUSPECTED");
        assertThat(suspected.active()).isTrue();
        assertThat(resolved.active()).isFalse();
        assertThat(refuted.active()).isFalse();
    }

    @Test
    void aRefutedAllergyIsNotCurrentAndSaysSo() {
        ChartEntry refuted = of("AllergyIntolerance", """
                {"resourceType":"AllergyIntolerance","code":{"text":"ペニシリン"},
                 "clinicalStatus":{"coding":[{"code":"active"}]},"verificationStatus":{"coding":[{"code":"refuted"}]}}""");
        ChartEntry unsaid = of("AllergyIntolerance", """
                {"resourceType":"AllergyIntolerance","code":{"text":"卵"}}""");

        assertThat(refuted.active()).as("the header lists current allergies only").isFalse();
        assertThat(refuted.details()).as("the timeline says it was refuted")
                .anySatisfy(d -> assertThat(d.valueKey()).isEqualTo("code.verificationStatus.refuted"));
        assertThat(unsaid.active()).as("a sender that says nothing has not said resolved").isTrue();
    }

    @Test
    void datesWithoutTimeAreDaysInJapanAndUnreadableDatesAreUndated() {
        ChartEntry dayOnly = of("Condition", """
                {"resourceType":"Condition","code":{"text":"x"},"onsetDateTime":"2024-03-01"}""");
        ChartEntry lateUtc = of("Condition", """
                {"resourceType":"Condition","code":{"text":"x"},"onsetDateTime":"2024-02-29T20:00:00Z"}""");
        ChartEntry garbage = of("Condition", """
                {"resourceType":"Condition","code":{"text":"x"},"onsetDateTime":"2024-13-45"}""");

        assertThat(dayOnly.day()).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(lateUtc.day()).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(garbage.at()).isNull();
    }
}
