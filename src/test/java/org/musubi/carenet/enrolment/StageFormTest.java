package org.musubi.carenet.enrolment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.musubi.pathway.FormFault;
import org.musubi.pathway.PathwayTemplate;
import org.musubi.pathway.PathwayTemplates;
import org.musubi.pathway.ResponseCheck;
import org.musubi.pathway.Stage;

/** The stage form's binder against every stage of the four shipped templates: required, enable-when, ranges, typing. */
class StageFormTest {

    record Form(String name, Questionnaire form) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Form> stages() {
        return PathwayTemplates.shipped().stream().flatMap(t -> t.stages().stream()
                .map(s -> new Form(t.code() + "/" + s.code(), s.form())));
    }

    @ParameterizedTest
    @MethodSource("stages")
    void aFullyFilledPageBindsToACompletedResponseThatPassesTheCheck(Form f) {
        StageForm.Bound bound = StageForm.bind(f.form(), StageFields.valid(f.form()));
        assertThat(bound.faults()).isEmpty();
        assertThat(bound.response().getStatus()).isEqualTo(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        assertThat(bound.response().getQuestionnaire()).isEqualTo(f.form().getUrl() + "|" + f.form().getVersion());
        assertThat(ResponseCheck.check(f.form(), bound.response())).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("stages")
    void anEmptyPageNamesEveryRequiredTopLevelItem(Form f) {
        StageForm.Bound bound = StageForm.bind(f.form(), Map.of());
        List<String> required = f.form().getItem().stream().filter(Questionnaire.QuestionnaireItemComponent::getRequired)
                .filter(i -> !i.hasEnableWhen()).map(Questionnaire.QuestionnaireItemComponent::getLinkId).toList();
        assertThat(required).isNotEmpty();
        assertThat(bound.faults()).filteredOn(x -> x.reason().equals(ResponseCheck.REQUIRED)).extracting(FormFault::item)
                .containsAll(required);
        assertThat(bound.valid()).isFalse();
    }

    @ParameterizedTest
    @MethodSource("stages")
    void aValueAboveAnItemsMaximumIsNamedByItsItemAndKeptAsTyped(Form f) {
        Optional<StageForm.Field> limited = StageForm.fields(f.form()).stream()
                .filter(x -> x.max() != null && x.type().equals("integer")).findFirst();
        if (limited.isEmpty()) {
            return;
        }
        String tooHigh = String.valueOf(Integer.parseInt(limited.get().max()) + 1);
        Map<String, List<String>> fields = StageFields.with(StageFields.valid(f.form()), limited.get().linkId(), tooHigh);
        StageForm.Bound bound = StageForm.bind(f.form(), fields);
        assertThat(bound.of(limited.get().linkId())).extracting(FormFault::reason).containsExactly(ResponseCheck.ABOVE_MAX);
        assertThat(bound.entered().get(limited.get().linkId())).containsExactly(tooHigh);
    }

    @Test
    void anItemsUcumUnitIsShownAsPeopleWriteIt() {
        Questionnaire form = new Questionnaire();
        for (String[] item : new String[][] {{"bp", "mm[Hg]"}, {"plt", "10*4/uL"}, {"egfr", "mL/min/{1.73_m2}"}}) {
            form.addItem().setLinkId(item[0]).setText(item[0]).setType(Questionnaire.QuestionnaireItemType.DECIMAL)
                    .addExtension("http://hl7.org/fhir/StructureDefinition/questionnaire-unit",
                            new Coding("http://unitsofmeasure.org", item[1], item[1]));
        }

        assertThat(StageForm.fields(form)).extracting(StageForm.Field::unit)
                .containsExactly("mmHg", "10⁴/μL", "mL/min/1.73m²");
    }

    @Test
    void anAnswerToAnItemItsConditionHidesIsDroppedAndShownAgainOnlyWhenEnabled() {
        Questionnaire acute = stage("stroke", "acute");
        Map<String, List<String>> fields = StageFields.with(StageFields.valid(acute), "type", "haemorrhage");
        fields = StageFields.with(fields, "reperfusion", "true");
        StageForm.Bound bound = StageForm.bind(acute, fields);
        assertThat(bound.faults()).isEmpty();
        assertThat(ResponseCheck.answers(bound.response())).doesNotContainKey("reperfusion").containsKey("type");

        StageForm.Bound infarction = StageForm.bind(acute, StageFields.with(fields, "type", "infarction"));
        assertThat(ResponseCheck.answers(infarction.response()).get("reperfusion")).hasSize(1);
    }

    @Test
    void aRequiredItemEnabledByAnAnswerIsRequiredOnlyThen() {
        Questionnaire acute = stage("stroke", "acute");
        Map<String, List<String>> fields = StageFields.with(StageFields.valid(acute), "dysphagia", "true");
        fields.remove(StageForm.PREFIX + "diet");
        assertThat(StageForm.bind(acute, fields).of("diet")).extracting(FormFault::reason)
                .containsExactly(ResponseCheck.REQUIRED);
        assertThat(StageForm.bind(acute, StageFields.with(fields, "dysphagia", "false")).faults()).isEmpty();
    }

    @Test
    void whatDoesNotReadAsTheItemsTypeIsAFaultOfThatItemNotOfItsRange() {
        Questionnaire acute = stage("stroke", "acute");
        StageForm.Bound bound = StageForm.bind(acute, StageFields.with(StageFields.valid(acute), "nihss-total", "十"));
        assertThat(bound.faults()).extracting(FormFault::item, FormFault::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("nihss-total", StageForm.NOT_AN_INTEGER));
        StageForm.Bound wide = StageForm.bind(acute, StageFields.with(StageFields.valid(acute), "nihss-total", "１２"));
        assertThat(wide.faults()).as("full-width digits read as digits").isEmpty();
        assertThat(ResponseCheck.answers(wide.response()).get("nihss-total")).first()
                .satisfies(v -> assertThat(((IntegerType) v).getValue()).isEqualTo(12));
        StageForm.Bound date = StageForm.bind(acute, StageFields.with(StageFields.valid(acute), "onset", "2026-13-01"));
        assertThat(date.of("onset")).extracting(FormFault::reason).containsExactly(StageForm.NOT_A_DATE);
    }

    @Test
    void aChoiceIsTheOptionsCodingAndAnUnknownCodeIsNotOffered() {
        Questionnaire acute = stage("stroke", "acute");
        StageForm.Bound bound = StageForm.bind(acute, StageFields.with(StageFields.valid(acute), "mrs-before", "3"));
        Coding chosen = (Coding) ResponseCheck.answers(bound.response()).get("mrs-before").getFirst();
        assertThat(chosen.getSystem()).isEqualTo("urn:musubi:pathway:stroke:mrs-before");
        assertThat(chosen.getDisplay()).isNotBlank();
        StageForm.Bound unknown = StageForm.bind(acute, StageFields.with(StageFields.valid(acute), "mrs-before", "9"));
        assertThat(unknown.of("mrs-before")).extracting(FormFault::reason).containsExactly(ResponseCheck.NOT_OFFERED);
    }

    @Test
    void numericItemsMappedToLoincArePrefilledWithTheLatestValueAsTheItemTakesIt() {
        Questionnaire acute = stage("stroke", "acute");
        assertThat(StageForm.mappedCodes(acute)).contains("72089-6");
        Map<String, List<String>> values = StageForm.prefill(acute,
                code -> code.equals("72089-6") ? Optional.of(new BigDecimal("7")) : Optional.empty());
        assertThat(values).containsExactly(Map.entry("nihss-total", List.of("7")));
        assertThat(StageForm.prefill(acute, code -> Optional.of(new BigDecimal("7.5")))).as("no fraction in an integer")
                .doesNotContainKey("nihss-total");
        Questionnaire liver = stage("liver-disease", PathwayTemplates.shipped().stream()
                .filter(t -> t.code().equals("liver-disease")).findFirst().orElseThrow().stages().getFirst().code());
        Map<String, List<String>> labs = StageForm.prefill(liver, code -> Optional.of(new BigDecimal("32.0")));
        assertThat(labs).isNotEmpty().allSatisfy((linkId, v) -> assertThat(v).containsExactly("32"));
    }

    @Test
    void fieldsCarryTheirTextsUnitsAndLimits() {
        Questionnaire acute = stage("stroke", "acute");
        StageForm.Field total = StageForm.fields(acute).stream().filter(f -> f.linkId().equals("nihss-total"))
                .findFirst().orElseThrow();
        assertThat(total.min()).isEqualTo("0");
        assertThat(total.max()).isEqualTo("42");
        assertThat(total.en()).isNotBlank();
        assertThat(total.depth()).isEqualTo(1);
        assertThat(total.loinc()).isEqualTo("72089-6");
        assertThat(total.parent()).isEqualTo("nihss");
        assertThat(total.when()).isNull();
        StageForm.Field reperfusion = StageForm.fields(acute).stream().filter(f -> f.linkId().equals("reperfusion"))
                .findFirst().orElseThrow();
        assertThat(reperfusion.when()).isEqualTo("{\"any\":false,\"when\":[{\"q\":\"type\",\"op\":\"=\",\"v\":\"infarction\"}]}");
    }

    private static Questionnaire stage(String template, String stage) {
        PathwayTemplate t = PathwayTemplates.shipped().stream().filter(x -> x.code().equals(template)).findFirst()
                .orElseThrow();
        return t.stage(stage).map(Stage::form).orElseThrow();
    }
}
