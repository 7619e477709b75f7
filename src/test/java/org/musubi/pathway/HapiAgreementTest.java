package org.musubi.pathway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.musubi.pathway.Forms.complete;
import static org.musubi.pathway.Forms.response;
import static org.musubi.pathway.Forms.with;
import static org.musubi.pathway.Forms.without;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Musubi's response check against HAPI's (the FHIR validator's QuestionnaireResponse validation, offline, the
 * shipped Questionnaires given to it): on every stage of the four templates, a complete response has no error for
 * either, and each fault Musubi finds — a required item left out, a value outside its range, an option not offered,
 * a hidden item answered, a wrong type — HAPI finds too. Musubi keeps its own check for Japanese texts by linkId, a
 * check without the validator's start-up, and the enablement a form screen needs
 * (docs/pathways.md); this test keeps the two in step.
 */
class HapiAgreementTest {

    private static FhirValidator validator;
    private static final Map<String, Questionnaire> FORMS = new HashMap<>();

    @BeforeAll
    static void buildTheValidator() {
        FhirContext context = FhirContext.forR4Cached();
        PathwayTemplates.shipped().forEach(t -> t.stages().forEach(s -> FORMS.put(s.form().getUrl(), s.form())));
        IValidationSupport forms = new IValidationSupport() {
            @Override
            public FhirContext getFhirContext() {
                return context;
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T extends IBaseResource> T fetchResource(Class<T> type, String url) {
                Questionnaire form = FORMS.get(url);
                return form != null && (type == null || type.isInstance(form)) ? (T) form : null;
            }

            @Override
            public String getName() {
                return "pathway forms";
            }
        };
        FhirInstanceValidator instance = new FhirInstanceValidator(new ValidationSupportChain(forms,
                new DefaultProfileValidationSupport(context), new CommonCodeSystemsTerminologyService(context),
                new InMemoryTerminologyServerValidationSupport(context)));
        instance.setAnyExtensionsAllowed(true);
        validator = context.newValidator().registerValidatorModule(instance);
    }

    @Test
    void bothPassEveryCompleteResponseAndBothFindRequiredItemsLeftOut() {
        for (PathwayTemplate template : PathwayTemplates.shipped()) {
            for (Stage stage : template.stages()) {
                Questionnaire form = stage.form();
                Map<String, List<Type>> answers = complete(form);
                assertThat(hapiErrors(form, answers)).as(form.getUrl()).isEmpty();
                List<QuestionnaireItemComponent> required = ShippedPathwaysTest.items(form.getItem()).stream()
                        .filter(i -> i.getRequired() && i.getType() != Questionnaire.QuestionnaireItemType.GROUP
                                && answers.containsKey(i.getLinkId())).toList();
                assertThat(required).as(form.getUrl()).isNotEmpty();
                // the first, the last and every fifth required item
                for (int i = 0; i < required.size(); i++) {
                    if (i % 5 == 0 || i == required.size() - 1) {
                        QuestionnaireItemComponent item = required.get(i);
                        Map<String, List<Type>> left = without(answers, item.getLinkId());
                        assertThat(ResponseCheck.check(form, response(form, left))).isNotEmpty();
                        assertThat(hapiErrors(form, left)).as(form.getUrl() + " " + item.getLinkId()).isNotEmpty();
                    }
                }
            }
        }
    }

    @Test
    void bothFindValuesOutOfRangeOptionsNotOfferedHiddenItemsAnsweredAndWrongTypes() {
        List<Map.Entry<Questionnaire, Map<String, List<Type>>>> cases = new ArrayList<>();
        Questionnaire acute = ShippedPathwaysTest.stage("stroke", "acute");
        cases.add(Map.entry(acute, with(complete(acute), "mrs-discharge", coding("stroke", "mrs-discharge", "7"))));
        cases.add(Map.entry(acute, with(complete(acute), "barthel-acute-feeding", coding("stroke", "barthel-acute-feeding", "7"))));
        cases.add(Map.entry(acute, with(complete(acute), "nihss-total", new IntegerType(43))));
        cases.add(Map.entry(acute, with(complete(acute), "dysphagia", new BooleanType(false))));
        Questionnaire diagnosis = ShippedPathwaysTest.stage("dementia", "diagnosis");
        cases.add(Map.entry(diagnosis, with(complete(diagnosis), "mmse", new IntegerType(31))));
        cases.add(Map.entry(diagnosis, with(complete(diagnosis), "bpsd", new BooleanType(false))));
        Questionnaire year = ShippedPathwaysTest.stage("gastric-cancer", "month-12");
        cases.add(Map.entry(year, with(complete(year), "cea", new StringType("5.0"))));
        cases.add(Map.entry(year, with(complete(year), "pstage", coding("gastric-cancer", "pstage", "IA"))));
        Questionnaire liver = ShippedPathwaysTest.stage("liver-disease", "month-6");
        cases.add(Map.entry(liver, with(complete(liver), "plt", new DecimalType("250"))));
        cases.add(Map.entry(liver, with(complete(liver), "referral", new BooleanType(true))));

        for (Map.Entry<Questionnaire, Map<String, List<Type>>> c : cases) {
            assertThat(ResponseCheck.check(c.getKey(), response(c.getKey(), c.getValue()))).hasSize(1);
            assertThat(hapiErrors(c.getKey(), c.getValue())).as(c.getValue().toString()).isNotEmpty();
        }
    }

    /** Each stage's form is a valid R4 Questionnaire for the FHIR validator (the invariants que-1 … que-13 too). */
    @Test
    void everyShippedFormIsAValidQuestionnaire() {
        for (Questionnaire form : FORMS.values()) {
            assertThat(validator.validateWithResult(form).getMessages().stream()
                    .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                    .map(m -> m.getLocationString() + " " + m.getMessage()).toList()).as(form.getUrl()).isEmpty();
        }
    }

    private static List<String> hapiErrors(Questionnaire form, Map<String, List<Type>> answers) {
        return validator.validateWithResult(response(form, answers)).getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .map(m -> m.getLocationString() + " " + m.getMessage()).toList();
    }

    private static Coding coding(String template, String item, String code) {
        return ShippedPathwaysTest.coding(template, item, code);
    }

}
