package org.musubi.pathway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * A Questionnaire an operator imports (or a template's stage form) that cannot be used is rejected with the item and
 * the reason, every fault at once; and each reason has its text in Japanese and English.
 */
class ImportedTemplatesTest {

    private static final String MIN = "http://hl7.org/fhir/StructureDefinition/minValue";
    private static final String MAX = "http://hl7.org/fhir/StructureDefinition/maxValue";

    @Test
    void aWellFormedQuestionnaireIsImported() {
        assertThat(PathwayTemplates.importQuestionnaire(form("""
                {"linkId": "fall", "text": "転倒", "type": "boolean"},
                {"linkId": "count", "text": "回数", "type": "integer",
                 "enableWhen": [{"question": "fall", "operator": "=", "answerBoolean": true}],
                 "extension": [{"url": "%s", "valueInteger": 1}, {"url": "%s", "valueInteger": 99}]}
                """.formatted(MIN, MAX))).getItem()).hasSize(2);
    }

    @Test
    void aDuplicateLinkIdIsNamed() {
        assertThat(rejected(form("""
                {"linkId": "weight", "text": "体重", "type": "decimal"},
                {"linkId": "weight", "text": "体重（再）", "type": "decimal"}
                """))).containsExactly(FormFault.of("weight", TemplateCheck.DUPLICATE_LINK_ID));
    }

    @Test
    void anEnableWhenOnAnUnknownOrLaterItemIsNamed() {
        assertThat(rejected(form("""
                {"linkId": "a", "text": "A", "type": "string",
                 "enableWhen": [{"question": "nowhere", "operator": "exists", "answerBoolean": true}]},
                {"linkId": "b", "text": "B", "type": "string",
                 "enableWhen": [{"question": "c", "operator": "exists", "answerBoolean": true}]},
                {"linkId": "c", "text": "C", "type": "boolean",
                 "enableWhen": [{"question": "c", "operator": "exists", "answerBoolean": true}]}
                """))).containsExactly(FormFault.of("a", TemplateCheck.ENABLE_WHEN_UNKNOWN, "nowhere"),
                FormFault.of("b", TemplateCheck.ENABLE_WHEN_LATER, "c"), FormFault.of("c", TemplateCheck.ENABLE_WHEN_LATER, "c"));
    }

    @Test
    void anEnableWhenWhoseAnswerOrOperatorDoesNotFitTheQuestionIsNamed() {
        assertThat(rejected(form("""
                {"linkId": "smoker", "text": "喫煙", "type": "boolean"},
                {"linkId": "grade", "text": "程度", "type": "choice",
                 "answerOption": [{"valueCoding": {"system": "urn:x", "code": "mild", "display": "軽度"}}]},
                {"linkId": "a", "text": "A", "type": "string",
                 "enableWhen": [{"question": "smoker", "operator": "=", "answerInteger": 1}]},
                {"linkId": "b", "text": "B", "type": "string",
                 "enableWhen": [{"question": "smoker", "operator": ">", "answerBoolean": true}]},
                {"linkId": "c", "text": "C", "type": "string",
                 "enableWhen": [{"question": "grade", "operator": "=", "answerCoding": {"system": "urn:x", "code": "severe"}}]},
                {"linkId": "d", "text": "D", "type": "string",
                 "enableWhen": [{"question": "smoker", "operator": "exists", "answerBoolean": true},
                                {"question": "grade", "operator": "exists", "answerBoolean": true}]}
                """))).containsExactly(FormFault.of("a", TemplateCheck.ENABLE_WHEN_ANSWER, "smoker", "boolean"),
                FormFault.of("b", TemplateCheck.ENABLE_WHEN_OPERATOR, ">", "smoker"),
                FormFault.of("c", TemplateCheck.ENABLE_WHEN_NOT_OFFERED, "grade", "severe"),
                FormFault.of("d", TemplateCheck.ENABLE_BEHAVIOR));
    }

    @Test
    void aChoiceWithoutOptionsIsNamed() {
        assertThat(rejected(form("""
                {"linkId": "level", "text": "要介護度", "type": "choice"},
                {"linkId": "bound", "text": "値セット", "type": "choice", "answerValueSet": "http://example.org/vs"}
                """))).containsExactly(FormFault.of("level", TemplateCheck.NO_OPTIONS));
    }

    @Test
    void aMinimumAboveTheMaximumOrALimitOfTheWrongTypeIsNamed() {
        assertThat(rejected(form("""
                {"linkId": "mmse", "text": "MMSE", "type": "integer",
                 "extension": [{"url": "%1$s", "valueInteger": 30}, {"url": "%2$s", "valueInteger": 0}]},
                {"linkId": "weight", "text": "体重", "type": "decimal",
                 "extension": [{"url": "%1$s", "valueString": "20"}]},
                {"linkId": "seen", "text": "受診日", "type": "date",
                 "extension": [{"url": "%1$s", "valueDate": "2026-12-01"}, {"url": "%2$s", "valueDate": "2026-01-01"}]}
                """.formatted(MIN, MAX)))).containsExactly(FormFault.of("mmse", TemplateCheck.MIN_ABOVE_MAX, "30", "0"),
                FormFault.of("weight", TemplateCheck.LIMIT_TYPE, "minValue", "decimal"),
                FormFault.of("seen", TemplateCheck.MIN_ABOVE_MAX, "2026-12-01", "2026-01-01"));
    }

    @Test
    void anUnknownTypeAMissingLinkIdOrTextAndAnItemInAQuestionAreNamed() {
        assertThat(rejected(form("""
                {"linkId": "score", "text": "点数", "type": "number"},
                {"text": "リンクなし", "type": "string"},
                {"linkId": "untitled", "type": "string"},
                {"linkId": "dysphagia", "text": "嚥下障害", "type": "boolean",
                 "item": [{"linkId": "diet", "text": "食形態", "type": "string"}]},
                {"linkId": "empty", "text": "空のグループ", "type": "group"}
                """))).containsExactly(FormFault.of("score", TemplateCheck.UNKNOWN_TYPE, "number"),
                FormFault.of("item[1]", TemplateCheck.NO_LINK_ID), FormFault.of("untitled", TemplateCheck.NO_TEXT),
                FormFault.of("dysphagia", TemplateCheck.NESTED_IN_QUESTION, "boolean"),
                FormFault.of("empty", TemplateCheck.EMPTY_GROUP));
    }

    @Test
    void somethingElseThanAQuestionnaireIsRefusedAsAWhole() {
        assertThat(rejected("{\"resourceType\": \"Patient\"}"))
                .containsExactly(FormFault.of("Questionnaire", TemplateCheck.NOT_QUESTIONNAIRE));
        assertThat(rejected("{\"resourceType\": \"Questionnaire\", \"status\": \"active\"}"))
                .containsExactly(FormFault.of("Questionnaire", TemplateCheck.NO_ITEMS));
        assertThat(rejected("{\"resourceType\": \"Questionnaire\",")).singleElement()
                .satisfies(f -> assertThat(f.reason()).isEqualTo(PathwayTemplates.NOT_JSON));
    }

    @Test
    void aTemplateWithAStageOfAnUnknownFacilityKindOrABadFormIsRejectedNamingTheStage() {
        String template = """
                {"code": "copd", "version": "1", "title": {"ja": "COPD", "en": "COPD"},
                 "stages": [{"code": "start", "title": {"ja": "導入", "en": "Start"}, "facilityKinds": ["HOSPITAL", "SPA"],
                             "dueMonths": 0, "questionnaire": %s},
                            {"code": "start", "title": {"ja": "導入", "en": "Start"}, "facilityKinds": ["CLINIC"],
                             "dueMonths": 3, "questionnaire": %s}]}
                """.formatted(form("{\"linkId\": \"a\", \"text\": \"A\", \"type\": \"string\"}"),
                form("{\"linkId\": \"b\", \"text\": \"B\", \"type\": \"choice\"}"));

        assertThatThrownBy(() -> PathwayTemplates.read(template)).isInstanceOfSatisfying(TemplateRejected.class,
                e -> assertThat(e.faults()).containsExactly(FormFault.of("start", PathwayTemplates.STAGE_KIND, "SPA"),
                        FormFault.of("start", PathwayTemplates.DUPLICATE_STAGE),
                        FormFault.of("start/b", TemplateCheck.NO_OPTIONS)));
    }

    @Test
    void everyReasonHasATextInJapaneseAndEnglish() throws IllegalAccessException {
        List<String> reasons = new ArrayList<>();
        for (Class<?> owner : List.of(ResponseCheck.class, TemplateCheck.class, PathwayTemplates.class)) {
            for (Field field : owner.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
                        && Modifier.isPublic(field.getModifiers())) {
                    reasons.add((String) field.get(null));
                }
            }
        }
        Properties japanese = load("/messages.properties");
        Properties english = load("/messages_en.properties");

        assertThat(reasons).hasSizeGreaterThan(25).allSatisfy(key -> {
            assertThat(japanese.getProperty(key)).as(key).isNotBlank();
            assertThat(english.getProperty(key)).as(key).isNotBlank();
        });
    }

    private static String form(String items) {
        return "{\"resourceType\": \"Questionnaire\", \"status\": \"active\", \"item\": [" + items + "]}";
    }

    private static List<FormFault> rejected(String json) {
        try {
            PathwayTemplates.importQuestionnaire(json);
        } catch (TemplateRejected e) {
            return e.faults();
        }
        throw new AssertionError("accepted: " + json);
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(ImportedTemplatesTest.class.getResourceAsStream(resource),
                StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return properties;
    }
}
