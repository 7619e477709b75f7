package org.musubi.carenet.municipal;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hl7.fhir.r4.model.Questionnaire;
import org.junit.jupiter.api.Test;
import org.musubi.pathway.FormFault;
import org.musubi.pathway.ResponseCheck;
import org.musubi.pathway.TemplateCheck;
import tools.jackson.databind.json.JsonMapper;

/**
 * The 主治医意見書 and the discharge sheet as Questionnaires: well formed by the pathway templates' own check, and a
 * typed form becomes a response that the Questionnaire checks accept or refuse item by item (required items,
 * enable-when, value ranges, offered options), read back by section in both languages.
 */
class FormsTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    @Test
    void bothFormsPassTheQuestionnaireCheck() {
        for (Questionnaire form : List.of(Forms.opinion(), Forms.dischargeSheet())) {
            String json = FHIR.newJsonParser().encodeResourceToString(form);
            assertThat(TemplateCheck.questionnaire(JsonMapper.builder().build().readTree(json)))
                    .as(form.getUrl()).isEmpty();
        }
    }

    @Test
    void aCompleteOpinionIsAcceptedAndReadsBackBySection() {
        FormAnswers.Filled filled = FormAnswers.fill(Forms.opinion(), opinion());
        assertThat(filled.faults()).isEmpty();
        List<FormAnswers.Section> ja = FormAnswers.read(Forms.opinion(), filled.response(), Locale.JAPANESE);
        assertThat(ja).extracting(FormAnswers.Section::title).startsWith("記入の前提", "1. 傷病に関する意見");
        assertThat(ja.get(1).rows()).contains(new FormAnswers.Row(
                "診断名（特定疾病または生活機能低下の直接の原因となっている傷病名）1", "脳梗塞後遺症"));
        List<FormAnswers.Section> en = FormAnswers.read(Forms.opinion(), filled.response(), Locale.ENGLISH);
        assertThat(en.get(3).rows()).contains(new FormAnswers.Row("Independence of elderly people with dementia", "IIa"));
    }

    @Test
    void requiredItemsEnableWhenRangesAndOptionsAreChecked() {
        Map<String, List<String>> missing = new java.util.HashMap<>(opinion());
        missing.remove("stability");
        missing.put("bpsd", List.of("bpsd-yes"));
        missing.put("height", List.of("400"));
        missing.put("dementia", List.of("V"));
        List<FormFault> faults = FormAnswers.fill(Forms.opinion(), missing).faults();
        assertThat(faults).extracting(f -> f.item() + " " + f.reason()).containsExactlyInAnyOrder(
                "stability " + ResponseCheck.REQUIRED, "bpsdItems " + ResponseCheck.REQUIRED,
                "height " + ResponseCheck.ABOVE_MAX, "dementia " + ResponseCheck.NOT_OFFERED);

        Map<String, List<String>> unstable = new java.util.HashMap<>(opinion());
        unstable.put("stability", List.of("unstable"));
        assertThat(FormAnswers.fill(Forms.opinion(), unstable).faults()).extracting(FormFault::item)
                .containsExactly("instability");
        Map<String, List<String>> disabled = new java.util.HashMap<>(opinion());
        disabled.put("bpsdItems", List.of("wandering"));
        FormAnswers.Filled dropped = FormAnswers.fill(Forms.opinion(), disabled);
        assertThat(dropped.faults()).as("details of no BPSD are dropped, not refused").isEmpty();
        assertThat(ResponseCheck.answers(dropped.response())).doesNotContainKey("bpsdItems");
    }

    @Test
    void aDischargeSheetNeedsItsDatesDiagnosesCareNeedsAndContact() {
        assertThat(FormAnswers.fill(Forms.dischargeSheet(), Map.of()).faults()).extracting(FormFault::item)
                .as("an empty sheet: every required section and item").contains("stay", "adl", "care", "admitted",
                        "discharged", "diagnoses", "careNeeds", "contact", "adlMove").doesNotContain("notes", "course");
        assertThat(FormAnswers.fill(Forms.dischargeSheet(), Map.of("admitted", List.of("2026-10-01"),
                        "notes", List.of("本人は自宅を希望"))).faults()).extracting(FormFault::item)
                .containsExactly("discharged", "diagnoses", "adl", "adlMove", "adlEat", "adlToilet", "adlBath",
                        "adlDress", "careNeeds", "contact");
        assertThat(FormAnswers.fill(Forms.dischargeSheet(), sheet()).faults()).isEmpty();
    }

    static Map<String, List<String>> opinion() {
        return Places.opinion();
    }

    static Map<String, List<String>> sheet() {
        return Places.sheet();
    }
}
