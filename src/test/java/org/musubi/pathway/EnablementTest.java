package org.musubi.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.EnableWhenBehavior;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemOperator;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.hl7.fhir.r4.model.Type;
import org.junit.jupiter.api.Test;

/** Enable-when turns items on and off by the answers given: each operator, all and any, and a hidden group's items. */
class EnablementTest {

    private final Questionnaire form = new Questionnaire();

    EnablementTest() {
        form.addItem().setLinkId("score").setType(QuestionnaireItemType.INTEGER);
        form.addItem().setLinkId("grade").setType(QuestionnaireItemType.CHOICE);
        form.addItem().setLinkId("seen").setType(QuestionnaireItemType.DATE);
        form.addItem().setLinkId("weight").setType(QuestionnaireItemType.DECIMAL);
        QuestionnaireItemComponent group = form.addItem().setLinkId("details").setType(QuestionnaireItemType.GROUP);
        group.addEnableWhen().setQuestion("grade").setOperator(QuestionnaireItemOperator.EQUAL)
                .setAnswer(new Coding("urn:x", "severe", null));
        group.addItem().setLinkId("inner").setType(QuestionnaireItemType.STRING);
    }

    private QuestionnaireItemComponent when(String linkId, String question, QuestionnaireItemOperator operator, Type value) {
        QuestionnaireItemComponent item = form.addItem().setLinkId(linkId).setType(QuestionnaireItemType.STRING);
        item.addEnableWhen().setQuestion(question).setOperator(operator).setAnswer(value);
        return item;
    }

    @Test
    void eachOperatorOnNumbersDatesAndCodes() {
        when("exists", "score", QuestionnaireItemOperator.EXISTS, new BooleanType(true));
        when("absent", "score", QuestionnaireItemOperator.EXISTS, new BooleanType(false));
        when("gt", "score", QuestionnaireItemOperator.GREATER_THAN, new IntegerType(20));
        when("ge", "score", QuestionnaireItemOperator.GREATER_OR_EQUAL, new IntegerType(24));
        when("lt", "score", QuestionnaireItemOperator.LESS_THAN, new IntegerType(24));
        when("le", "score", QuestionnaireItemOperator.LESS_OR_EQUAL, new IntegerType(24));
        when("ne", "grade", QuestionnaireItemOperator.NOT_EQUAL, new Coding("urn:x", "mild", null));
        when("after", "seen", QuestionnaireItemOperator.GREATER_THAN, new DateType("2026-01-01"));
        when("heavy", "weight", QuestionnaireItemOperator.GREATER_OR_EQUAL, new IntegerType(80));

        Enablement none = new Enablement(form, Map.of());
        assertThat(List.of("exists", "gt", "ge", "lt", "le", "ne", "after", "heavy")).noneMatch(none::enabled);
        assertThat(none.enabled("absent")).isTrue();

        Enablement some = new Enablement(form, Map.of("score", List.of(new IntegerType(24)),
                "grade", List.of(new Coding("urn:x", "moderate", "中等度")), "seen", List.of(new DateType("2026-03-01")),
                "weight", List.of(new DecimalType("79.9"))));
        assertThat(List.of("exists", "gt", "ge", "le", "ne", "after")).allMatch(some::enabled);
        assertThat(List.of("absent", "lt", "heavy")).noneMatch(some::enabled);

        Enablement mild = new Enablement(form, Map.of("grade", List.of(new Coding("urn:x", "mild", null)),
                "seen", List.of(new DateType("2025-12-31"))));
        assertThat(mild.enabled("ne")).isFalse();
        assertThat(mild.enabled("after")).isFalse();
    }

    @Test
    void allAndAny() {
        QuestionnaireItemComponent both = when("both", "score", QuestionnaireItemOperator.GREATER_THAN, new IntegerType(10));
        both.addEnableWhen().setQuestion("grade").setOperator(QuestionnaireItemOperator.EQUAL)
                .setAnswer(new Coding("urn:x", "severe", null));
        both.setEnableBehavior(EnableWhenBehavior.ALL);
        QuestionnaireItemComponent either = when("either", "score", QuestionnaireItemOperator.GREATER_THAN, new IntegerType(10));
        either.addEnableWhen().setQuestion("grade").setOperator(QuestionnaireItemOperator.EQUAL)
                .setAnswer(new Coding("urn:x", "severe", null));
        either.setEnableBehavior(EnableWhenBehavior.ANY);

        Enablement high = new Enablement(form, Map.of("score", List.of(new IntegerType(11))));
        assertThat(high.enabled("both")).isFalse();
        assertThat(high.enabled("either")).isTrue();
        Enablement severe = new Enablement(form, Map.of("score", List.of(new IntegerType(11)),
                "grade", List.of(new Coding("urn:x", "severe", null))));
        assertThat(severe.enabled("both")).isTrue();
    }

    @Test
    void theItemsOfAHiddenGroupAreHiddenAndAHiddenAnswerEnablesNothing() {
        when("follows-inner", "inner", QuestionnaireItemOperator.EXISTS, new BooleanType(true));
        Map<String, List<Type>> answers = Map.of("grade", List.of(new Coding("urn:x", "mild", null)),
                "inner", List.of(new org.hl7.fhir.r4.model.StringType("x")));

        Enablement mild = new Enablement(form, answers);
        assertThat(mild.enabled("details")).isFalse();
        assertThat(mild.enabled("inner")).isFalse();
        assertThat(mild.enabled("follows-inner")).isFalse();
        assertThat(mild.enabled("no-such-item")).isFalse();
        Enablement severe = new Enablement(form, Map.of("grade", List.of(new Coding("urn:x", "severe", null)),
                "inner", List.of(new org.hl7.fhir.r4.model.StringType("x"))));
        assertThat(severe.enabled("inner")).isTrue();
        assertThat(severe.enabled("follows-inner")).isTrue();
    }
}
