package org.musubi.carenet.municipal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Element;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemAnswerOptionComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.musubi.pathway.Enablement;
import org.musubi.pathway.FormFault;
import org.musubi.pathway.ResponseCheck;
import org.musubi.record.fhir.FhirSystems;

/**
 * A form typed into a page, as a QuestionnaireResponse of its Questionnaire, and a filled form read back for people:
 * the answers by section, in the form's order, in Japanese or English. A form field is named by its item's linkId; a
 * choice sends its option's code; blank fields are no answer. Answers to items the other answers disable (the BPSD
 * details when there is no BPSD) are dropped before the check ({@link Enablement}); the rest is checked by {@link
 * ResponseCheck}.
 */
public final class FormAnswers {

    private FormAnswers() {
    }

    /** A filled form and its faults (empty: it may be sent). */
    public record Filled(QuestionnaireResponse response, List<FormFault> faults) {
    }

    /** The form typed as {@code fields} (linkId → the values sent), checked. */
    public static Filled fill(Questionnaire form, Map<String, List<String>> fields) {
        Map<String, List<Type>> answers = new LinkedHashMap<>();
        List<QuestionnaireItemComponent> questions = new ArrayList<>();
        flatten(form.getItem(), questions);
        for (QuestionnaireItemComponent item : questions) {
            List<Type> values = new ArrayList<>();
            for (String raw : fields.getOrDefault(item.getLinkId(), List.of())) {
                if (raw != null && !raw.isBlank()) {
                    values.add(value(item, raw.strip()));
                }
            }
            if (!values.isEmpty()) {
                answers.put(item.getLinkId(), values);
            }
        }
        Enablement enablement = new Enablement(form, answers);
        QuestionnaireResponse response = new QuestionnaireResponse();
        response.setQuestionnaire(form.getUrl() + "|" + form.getVersion());
        response.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        answers.forEach((linkId, values) -> {
            if (enablement.enabled(linkId)) {
                QuestionnaireResponseItemComponent answered = response.addItem().setLinkId(linkId);
                values.forEach(v -> answered.addAnswer().setValue(v));
            }
        });
        return new Filled(response, ResponseCheck.check(form, response));
    }

    /** What was typed, by linkId, to show a refused form again with every value kept. */
    public static Map<String, List<String>> typed(QuestionnaireResponse response) {
        Map<String, List<String>> typed = new LinkedHashMap<>();
        for (QuestionnaireResponseItemComponent item : response.getItem()) {
            typed.put(item.getLinkId(), item.getAnswer().stream().map(a -> raw(a.getValue())).toList());
        }
        return typed;
    }

    /** One answered question, for people. */
    public record Row(String question, String answer) {
    }

    /** A section of the form with its answered questions. */
    public record Section(String title, List<Row> rows) {
    }

    /** The answers of {@code response} by section of {@code form}, in {@code locale}'s language; unanswered left out. */
    public static List<Section> read(Questionnaire form, QuestionnaireResponse response, Locale locale) {
        Map<String, List<Type>> answers = ResponseCheck.answers(response);
        List<Section> sections = new ArrayList<>();
        for (QuestionnaireItemComponent group : form.getItem()) {
            List<QuestionnaireItemComponent> questions = new ArrayList<>();
            flatten(group.getItem(), questions);
            List<Row> rows = new ArrayList<>();
            for (QuestionnaireItemComponent item : questions) {
                List<Type> given = answers.getOrDefault(item.getLinkId(), List.of());
                if (!given.isEmpty()) {
                    rows.add(new Row(text(item.getTextElement(), item.getText(), locale),
                            String.join("、", given.stream().map(v -> shown(item, v, locale)).toList())));
                }
            }
            if (!rows.isEmpty()) {
                sections.add(new Section(text(group.getTextElement(), group.getText(), locale), rows));
            }
        }
        return sections;
    }

    /** The form's questions as a page lays them out: each group with its questions. */
    public record Field(String linkId, String label, String type, boolean required, boolean repeats,
                        List<Option> options) {
    }

    /** A choice's option: its code and words. */
    public record Option(String code, String label) {
    }

    /** A group of fields. */
    public record Group(String title, List<Field> fields) {
    }

    /** The form's fields by group, for a page in {@code locale}'s language. */
    public static List<Group> layout(Questionnaire form, Locale locale) {
        List<Group> groups = new ArrayList<>();
        for (QuestionnaireItemComponent group : form.getItem()) {
            List<QuestionnaireItemComponent> questions = new ArrayList<>();
            flatten(group.getItem(), questions);
            groups.add(new Group(text(group.getTextElement(), group.getText(), locale), questions.stream()
                    .map(q -> new Field(q.getLinkId(), text(q.getTextElement(), q.getText(), locale),
                            q.getType().toCode(), q.getRequired(), q.getRepeats(), q.getAnswerOption().stream()
                            .map(o -> option(o, locale)).toList())).toList()));
        }
        return groups;
    }

    /** The form's title in {@code locale}'s language. */
    public static String title(Questionnaire form, Locale locale) {
        return text(form.getTitleElement(), form.getTitle(), locale);
    }

    private static Option option(QuestionnaireItemAnswerOptionComponent option, Locale locale) {
        Coding coding = option.getValueCoding();
        return new Option(coding.getCode(), text(coding.getDisplayElement(), coding.getDisplay(), locale));
    }

    private static void flatten(List<QuestionnaireItemComponent> level, List<QuestionnaireItemComponent> into) {
        for (QuestionnaireItemComponent item : level) {
            if (item.getType() != QuestionnaireItemType.GROUP && item.getType() != QuestionnaireItemType.DISPLAY) {
                into.add(item);
            }
            flatten(item.getItem(), into);
        }
    }

    private static Type value(QuestionnaireItemComponent item, String raw) {
        try {
            return switch (item.getType()) {
                case DATE -> new DateType(LocalDate.parse(raw).toString());
                case DECIMAL -> new DecimalType(new BigDecimal(raw));
                case INTEGER -> new IntegerType(Integer.parseInt(raw));
                case BOOLEAN -> new BooleanType(Boolean.parseBoolean(raw));
                case CHOICE -> new Coding(FhirSystems.OPINION_CODES, raw, item.getAnswerOption().stream()
                        .map(QuestionnaireItemAnswerOptionComponent::getValueCoding)
                        .filter(c -> raw.equals(c.getCode())).map(Coding::getDisplay).findFirst().orElse(null));
                default -> new StringType(raw);
            };
        } catch (DateTimeParseException | NumberFormatException wrong) {
            return new StringType(raw); // refused by the check as the wrong type, and shown again as typed
        }
    }

    private static String raw(Type value) {
        return value instanceof Coding c ? c.getCode() : value.primitiveValue();
    }

    private static String shown(QuestionnaireItemComponent item, Type value, Locale locale) {
        if (value instanceof Coding c) {
            return item.getAnswerOption().stream().map(QuestionnaireItemAnswerOptionComponent::getValueCoding)
                    .filter(o -> o.getCode().equals(c.getCode())).findFirst()
                    .map(o -> text(o.getDisplayElement(), o.getDisplay(), locale)).orElse(c.getCode());
        }
        return value.primitiveValue();
    }

    /** The words of an element in the locale's language: its English translation for English, else the Japanese. */
    private static String text(Element element, String japanese, Locale locale) {
        if (!"en".equals(locale.getLanguage())) {
            return japanese;
        }
        for (Extension translation : element.getExtensionsByUrl(FhirSystems.TRANSLATION)) {
            Extension lang = translation.getExtensionByUrl("lang");
            Extension content = translation.getExtensionByUrl("content");
            if (lang != null && "en".equals(lang.getValue().primitiveValue()) && content != null) {
                return content.getValue().primitiveValue();
            }
        }
        return japanese;
    }
}
