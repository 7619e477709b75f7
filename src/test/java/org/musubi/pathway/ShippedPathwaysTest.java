package org.musubi.pathway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.musubi.pathway.Forms.complete;
import static org.musubi.pathway.Forms.response;
import static org.musubi.pathway.Forms.with;
import static org.musubi.pathway.Forms.without;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.api.Test;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.registry.FacilityKind;
import tools.jackson.databind.json.JsonMapper;

/**
 * The four shipped pathway templates (issue 44): each loads and passes the template check, a complete response to
 * each stage passes, and the faults a facility can make in each are found with the item and the reason — a required
 * item missing, a hidden item answered, a value outside its range, a choice not offered, a value of the wrong type.
 */
class ShippedPathwaysTest {

    static final List<String> CODES = PathwayTemplates.SHIPPED;

    @ParameterizedTest
    @FieldSource("CODES")
    void eachTemplateLoadsAndEachStageFormPassesTheTemplateCheck(String code) {
        PathwayTemplate template = PathwayTemplates.shipped(code);

        assertThat(template.code()).isEqualTo(code);
        assertThat(template.title().ja()).isNotBlank();
        assertThat(template.title().en()).isNotBlank();
        assertThat(template.stages()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(template.stages()).extracting(Stage::dueMonths).isSorted();
        for (Stage stage : template.stages()) {
            assertThat(stage.facilityKinds()).isNotEmpty();
            assertThat(stage.form().getUrl()).isEqualTo(FhirSystems.PATHWAY_QUESTIONNAIRE + code + "/" + stage.code());
            assertThat(stage.form().getVersion()).isEqualTo(template.version());
            String json = FhirContext.forR4Cached().newJsonParser().encodeResourceToString(stage.form());
            assertThat(TemplateCheck.questionnaire(JsonMapper.builder().build().readTree(json))).as(stage.code()).isEmpty();
            assertThat(PathwayTemplates.importQuestionnaire(json).getItem()).hasSameSizeAs(stage.form().getItem());
        }
    }

    /** Every item and every option has its English beside the Japanese, so a screen can show either. */
    @ParameterizedTest
    @FieldSource("CODES")
    void everyItemAndOptionHasAJapaneseTextAndAnEnglishOne(String code) {
        for (Stage stage : PathwayTemplates.shipped(code).stages()) {
            for (QuestionnaireItemComponent item : items(stage.form().getItem())) {
                assertThat(item.getText()).as(item.getLinkId()).isNotBlank();
                assertThat(item.getTextElement().getExtensionByUrl(FhirSystems.TRANSLATION)).as(item.getLinkId()).isNotNull();
                item.getAnswerOption().forEach(option -> {
                    Coding coding = option.getValueCoding();
                    assertThat(coding.getDisplay()).as(item.getLinkId() + " " + coding.getCode()).isNotBlank();
                    assertThat(coding.getDisplayElement().getExtensionByUrl(FhirSystems.TRANSLATION))
                            .as(item.getLinkId() + " " + coding.getCode()).isNotNull();
                });
            }
        }
    }

    @ParameterizedTest
    @FieldSource("CODES")
    void aCompleteResponseToEachStagePasses(String code) {
        for (Stage stage : PathwayTemplates.shipped(code).stages()) {
            Map<String, List<Type>> answers = complete(stage.form());
            assertThat(answers).as(stage.code()).isNotEmpty();
            assertThat(ResponseCheck.check(stage.form(), response(stage.form(), answers))).as(stage.code()).isEmpty();
        }
    }

    @ParameterizedTest
    @FieldSource("CODES")
    void eachRequiredEnabledItemLeftOutIsNamed(String code) {
        for (Stage stage : PathwayTemplates.shipped(code).stages()) {
            Map<String, List<Type>> answers = complete(stage.form());
            for (QuestionnaireItemComponent item : items(stage.form().getItem())) {
                if (item.getRequired() && answers.containsKey(item.getLinkId())) {
                    assertThat(faults(stage.form(), without(answers, item.getLinkId())))
                            .as(stage.code() + " " + item.getLinkId())
                            .contains(fault(item.getLinkId(), ResponseCheck.REQUIRED));
                }
            }
        }
    }

    @Test
    void strokeScalesOutsideTheirRangeOrStepsAreNamed() {
        Questionnaire acute = stage("stroke", "acute");
        Map<String, List<Type>> answers = complete(acute);

        assertThat(faults(acute, with(answers, "mrs-discharge", coding("stroke", "mrs-discharge", "7"))))
                .containsExactly(fault("mrs-discharge", ResponseCheck.NOT_OFFERED, "7"));
        assertThat(faults(acute, with(answers, "mrs-before", coding("stroke", "mrs-before", "6"))))
                .as("death is no grade before onset").containsExactly(fault("mrs-before", ResponseCheck.NOT_OFFERED, "6"));
        assertThat(faults(acute, with(answers, "barthel-acute-feeding", coding("stroke", "barthel-acute-feeding", "7"))))
                .containsExactly(fault("barthel-acute-feeding", ResponseCheck.NOT_OFFERED, "7"));
        assertThat(faults(acute, with(answers, "barthel-acute-total", new IntegerType(105))))
                .containsExactly(fault("barthel-acute-total", ResponseCheck.ABOVE_MAX, "105", "100"));
        assertThat(faults(acute, with(answers, "nihss-total", new IntegerType(43))))
                .containsExactly(fault("nihss-total", ResponseCheck.ABOVE_MAX, "43", "42"));
        assertThat(faults(acute, with(answers, "nihss-1a", new IntegerType(-1))))
                .containsExactly(fault("nihss-1a", ResponseCheck.BELOW_MIN, "-1", "0"));
        assertThat(faults(acute, with(answers, "nihss-total", new DecimalType("12.5"))))
                .containsExactly(fault("nihss-total", ResponseCheck.WRONG_TYPE, "integer"));
        assertThat(faults(acute, with(answers, "nihss-total", new IntegerType(3), new IntegerType(4))))
                .containsExactly(fault("nihss-total", ResponseCheck.REPEATS));
    }

    @Test
    void strokeDietIsAskedOnlyWithDysphagia() {
        Questionnaire acute = stage("stroke", "acute");
        Map<String, List<Type>> answers = complete(acute);
        assertThat(answers).containsKeys("dysphagia", "diet");

        assertThat(faults(acute, with(answers, "dysphagia", new BooleanType(false))))
                .containsExactly(fault("diet", ResponseCheck.NOT_ENABLED));
        assertThat(faults(acute, without(with(answers, "dysphagia", new BooleanType(false)), "diet"))).isEmpty();
        assertThat(faults(acute, without(answers, "diet"))).containsExactly(fault("diet", ResponseCheck.REQUIRED));
        assertThat(faults(acute, with(answers, "type", coding("stroke", "type", "haemorrhage"))))
                .as("reperfusion is asked after an infarction only")
                .containsExactly(fault("reperfusion", ResponseCheck.NOT_ENABLED));
    }

    @Test
    void dementiaScoresCareLevelsAndBpsd() {
        Questionnaire diagnosis = stage("dementia", "diagnosis");
        Map<String, List<Type>> answers = complete(diagnosis);

        assertThat(faults(diagnosis, with(answers, "mmse", new IntegerType(31))))
                .containsExactly(fault("mmse", ResponseCheck.ABOVE_MAX, "31", "30"));
        assertThat(faults(diagnosis, with(answers, "hdsr", new IntegerType(-1))))
                .containsExactly(fault("hdsr", ResponseCheck.BELOW_MIN, "-1", "0"));
        assertThat(faults(diagnosis, with(answers, "care-level", coding("dementia", "care-level", "care6"))))
                .containsExactly(fault("care-level", ResponseCheck.NOT_OFFERED, "care6"));
        assertThat(faults(diagnosis, with(answers, "bpsd", new BooleanType(false))))
                .containsExactly(fault("bpsd-symptoms", ResponseCheck.NOT_ENABLED));
        assertThat(faults(diagnosis, with(answers, "bpsd-symptoms", coding("dementia", "bpsd-symptoms", "wandering"),
                coding("dementia", "bpsd-symptoms", "sleep")))).as("BPSD symptoms repeat").isEmpty();
        assertThat(faults(diagnosis, with(answers, "caregiver", new StringType("長女"))))
                .as("a main caregiver is asked of those not living alone")
                .containsExactly(fault("caregiver", ResponseCheck.NOT_ENABLED));
        assertThat(faults(diagnosis, with(with(answers, "lives-alone", new BooleanType(false)), "caregiver",
                new StringType("長女")))).isEmpty();
        Questionnaire followUp = stage("dementia", "follow-up");
        assertThat(faults(followUp, without(without(complete(followUp), "mmse"), "hdsr")))
                .as("the scores are optional at the family doctor's").isEmpty();
    }

    @Test
    void gastricCancerMarkersExaminationsAndTypes() {
        Questionnaire year = stage("gastric-cancer", "month-12");
        Map<String, List<Type>> answers = complete(year);

        assertThat(faults(year, with(answers, "cea", new StringType("5.0"))))
                .containsExactly(fault("cea", ResponseCheck.WRONG_TYPE, "decimal"));
        assertThat(faults(year, with(answers, "weight", new DecimalType("250"))))
                .containsExactly(fault("weight", ResponseCheck.ABOVE_MAX, "250", "200"));
        assertThat(faults(year, without(answers, "endoscopy-date")))
                .containsExactly(fault("endoscopy-date", ResponseCheck.REQUIRED));
        assertThat(faults(year, with(answers, "ct", new BooleanType(false))))
                .containsExactly(fault("ct-date", ResponseCheck.NOT_ENABLED), fault("ct-finding", ResponseCheck.NOT_ENABLED));
        assertThat(faults(year, with(answers, "pstage", coding("gastric-cancer", "pstage", "IA"))))
                .as("the operation and stage are asked at the first visit only")
                .containsExactly(fault("pstage", ResponseCheck.UNKNOWN_ITEM));
        assertThat(faults(year, with(answers, "endoscopy-date", new StringType("2026-04-01"))))
                .containsExactly(fault("endoscopy-date", ResponseCheck.WRONG_TYPE, "date"));
    }

    @Test
    void liverLabsChildPughAndSurveillance() {
        Questionnaire visit = stage("liver-disease", "month-6");
        Map<String, List<Type>> answers = complete(visit);
        assertThat(answers).doesNotContainKey("referral");

        assertThat(faults(visit, with(answers, "plt", new DecimalType("250"))))
                .containsExactly(fault("plt", ResponseCheck.ABOVE_MAX, "250", "200"));
        assertThat(faults(visit, with(answers, "child-pugh", coding("liver-disease", "child-pugh", "D"))))
                .containsExactly(fault("child-pugh", ResponseCheck.NOT_OFFERED, "D"));
        assertThat(faults(visit, with(answers, "child-pugh-score", new IntegerType(4))))
                .containsExactly(fault("child-pugh-score", ResponseCheck.BELOW_MIN, "4", "5"));
        assertThat(faults(visit, with(answers, "afp", new DecimalType("35"))))
                .as("a rising AFP alone asks for the referral (enableBehavior any)")
                .containsExactly(fault("referral", ResponseCheck.REQUIRED));
        assertThat(faults(visit, with(answers, "us-finding", coding("liver-disease", "us-finding", "nodule"))))
                .as("a new nodule alone asks for it too").containsExactly(fault("referral", ResponseCheck.REQUIRED));
        assertThat(faults(visit, with(answers, "referral", new BooleanType(true))))
                .as("neither: the referral is not asked").containsExactly(fault("referral", ResponseCheck.NOT_ENABLED));
        assertThat(faults(visit, with(answers, "us", new BooleanType(false))))
                .containsExactly(fault("us-date", ResponseCheck.NOT_ENABLED), fault("us-finding", ResponseCheck.NOT_ENABLED));
        assertThat(faults(visit, without(answers, "alb"))).containsExactly(fault("alb", ResponseCheck.REQUIRED));
    }

    @Test
    void strokeStagesAreFilledByTheFacilityKindsOfEachStage() {
        PathwayTemplate stroke = PathwayTemplates.shipped("stroke");

        assertThat(stroke.stages()).extracting(Stage::code).containsExactly("acute", "recovery", "maintenance");
        assertThat(stroke.stage("acute").orElseThrow().filledBy(FacilityKind.HOSPITAL)).isTrue();
        assertThat(stroke.stage("acute").orElseThrow().filledBy(FacilityKind.CLINIC)).isFalse();
        assertThat(stroke.stage("maintenance").orElseThrow().facilityKinds())
                .contains(FacilityKind.CLINIC, FacilityKind.CARE_FACILITY);
        assertThat(stroke.stage("recovery").orElseThrow().form().getItem()).extracting(QuestionnaireItemComponent::getLinkId)
                .contains("barthel-recovery", "mrs");
    }

    @Test
    void observationItemsCarryTheirLoincCodeAndUnit() {
        QuestionnaireItemComponent cea = items(stage("gastric-cancer", "month-6").getItem()).stream()
                .filter(i -> i.getLinkId().equals("cea")).findFirst().orElseThrow();

        assertThat(cea.getCodeFirstRep().getSystem()).isEqualTo(FhirSystems.LOINC);
        assertThat(cea.getCodeFirstRep().getCode()).isEqualTo("2039-6");
        assertThat(((Coding) cea.getExtensionByUrl(FhirSystems.QUESTIONNAIRE_UNIT).getValue()).getCode()).isEqualTo("ng/mL");
    }

    @Test
    void theDatesOfAResponseAreCheckedAsDates() {
        Questionnaire maintenance = stage("stroke", "maintenance");
        Map<String, List<Type>> answers = complete(maintenance);

        assertThat(faults(maintenance, with(answers, "recurrence-date", new DateType("2026-05")))).isEmpty();
        assertThat(faults(maintenance, with(answers, "sbp", new IntegerType(301))))
                .containsExactly(fault("sbp", ResponseCheck.ABOVE_MAX, "301", "300"));
    }

    static Questionnaire stage(String template, String stage) {
        return PathwayTemplates.shipped(template).stage(stage).orElseThrow().form();
    }

    static Coding coding(String template, String item, String code) {
        return new Coding(FhirSystems.PATHWAY_QUESTIONNAIRE + template + ":" + item, code, null);
    }

    static List<FormFault> faults(Questionnaire form, Map<String, List<Type>> answers) {
        return ResponseCheck.check(form, response(form, answers));
    }

    static FormFault fault(String item, String reason, Object... args) {
        return FormFault.of(item, reason, args);
    }

    static List<QuestionnaireItemComponent> items(List<QuestionnaireItemComponent> level) {
        List<QuestionnaireItemComponent> all = new java.util.ArrayList<>();
        for (QuestionnaireItemComponent item : level) {
            all.add(item);
            all.addAll(items(item.getItem()));
        }
        return all;
    }
}
