package org.musubi.pathway;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemAnswerOptionComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.Type;
import org.musubi.record.fhir.FhirSystems;

/**
 * A filled stage form (QuestionnaireResponse) checked against its Questionnaire, item by item: an answer to an item
 * the form does not have, to an item not enabled ({@link Enablement}), of the wrong type, more than one to an item
 * that does not repeat, outside the item's minValue/maxValue, or not among its answerOption values; and a required
 * enabled item without an answer (a required item inside an optional group only when the group has answers). Answers
 * are matched by linkId wherever they stand in the response. An item bound to an answerValueSet takes any Coding:
 * value sets are not expanded here.
 */
public final class ResponseCheck {

    public static final String UNKNOWN_ITEM = "pathway.response.unknownItem";
    public static final String NOT_ENABLED = "pathway.response.notEnabled";
    public static final String REQUIRED = "pathway.response.required";
    public static final String WRONG_TYPE = "pathway.response.wrongType";
    public static final String REPEATS = "pathway.response.repeats";
    public static final String BELOW_MIN = "pathway.response.belowMin";
    public static final String ABOVE_MAX = "pathway.response.aboveMax";
    public static final String NOT_OFFERED = "pathway.response.notOffered";

    private ResponseCheck() {
    }

    /** The faults of a response to this form, in the form's order; none when it may be saved as completed. */
    public static List<FormFault> check(Questionnaire form, QuestionnaireResponse response) {
        List<FormFault> faults = new ArrayList<>();
        Map<String, QuestionnaireItemComponent> items = new LinkedHashMap<>();
        flatten(form.getItem(), items);
        Map<String, List<Type>> answers = new LinkedHashMap<>();
        Set<String> unknown = new HashSet<>();
        collect(response.getItem(), items, answers, unknown, faults);
        Enablement enablement = new Enablement(form, answers);
        for (QuestionnaireItemComponent item : items.values()) {
            List<Type> given = answers.getOrDefault(item.getLinkId(), List.of());
            boolean enabled = enablement.enabled(item.getLinkId());
            if (!enabled) {
                if (!given.isEmpty()) {
                    faults.add(FormFault.of(item.getLinkId(), NOT_ENABLED));
                }
                continue;
            }
            if (given.isEmpty()) {
                if (item.getRequired() && item.getType() != QuestionnaireItemType.DISPLAY
                        && (item.getType() != QuestionnaireItemType.GROUP || !anyAnswer(item, answers))
                        && enclosingGroupAnswered(item, items, answers)) {
                    faults.add(FormFault.of(item.getLinkId(), REQUIRED));
                }
                continue;
            }
            checkAnswers(item, given, faults);
        }
        return faults;
    }

    /** The answers of a response by linkId, including those nested in answers (for {@link Enablement}). */
    public static Map<String, List<Type>> answers(QuestionnaireResponse response) {
        Map<String, List<Type>> answers = new LinkedHashMap<>();
        collect(response.getItem(), null, answers, new HashSet<>(), new ArrayList<>());
        return answers;
    }

    private static void checkAnswers(QuestionnaireItemComponent item, List<Type> given, List<FormFault> faults) {
        String linkId = item.getLinkId();
        String expected = Answers.expectedType(item);
        if (expected == null) {
            faults.add(FormFault.of(linkId, WRONG_TYPE, item.getType() == null ? "none" : item.getType().toCode()));
            return;
        }
        if (given.size() > 1 && !item.getRepeats()) {
            faults.add(FormFault.of(linkId, REPEATS));
        }
        Optional<Type> min = limit(item, FhirSystems.MIN_VALUE);
        Optional<Type> max = limit(item, FhirSystems.MAX_VALUE);
        for (Type value : given) {
            if (!Answers.fits(item, value)) {
                faults.add(FormFault.of(linkId, WRONG_TYPE, expected));
                continue;
            }
            if (min.isPresent() && Answers.compare(value, min.get()).filter(c -> c < 0).isPresent()) {
                faults.add(FormFault.of(linkId, BELOW_MIN, Answers.text(value), Answers.text(min.get())));
            }
            if (max.isPresent() && Answers.compare(value, max.get()).filter(c -> c > 0).isPresent()) {
                faults.add(FormFault.of(linkId, ABOVE_MAX, Answers.text(value), Answers.text(max.get())));
            }
            if (item.hasAnswerOption() && !offered(item, value)) {
                faults.add(FormFault.of(linkId, NOT_OFFERED, Answers.text(value)));
            }
        }
    }

    /** Whether a value is one of the item's options; an open-choice item also takes free text. */
    private static boolean offered(QuestionnaireItemComponent item, Type value) {
        if (item.getType() == QuestionnaireItemType.OPENCHOICE && "string".equals(Answers.typeName(value))) {
            return true;
        }
        for (QuestionnaireItemAnswerOptionComponent option : item.getAnswerOption()) {
            if (Answers.same(option.getValue(), value)) {
                return true;
            }
        }
        return false;
    }

    static Optional<Type> limit(QuestionnaireItemComponent item, String url) {
        Extension extension = item.getExtensionByUrl(url);
        return extension == null || !extension.hasValue() ? Optional.empty() : Optional.of(extension.getValue());
    }

    private static void flatten(List<QuestionnaireItemComponent> level, Map<String, QuestionnaireItemComponent> into) {
        for (QuestionnaireItemComponent item : level) {
            into.putIfAbsent(item.getLinkId(), item);
            flatten(item.getItem(), into);
        }
    }

    private static void collect(List<QuestionnaireResponseItemComponent> level, Map<String, QuestionnaireItemComponent> items,
            Map<String, List<Type>> answers, Set<String> unknown, List<FormFault> faults) {
        for (QuestionnaireResponseItemComponent item : level) {
            String linkId = item.getLinkId();
            if (items != null && !items.containsKey(linkId)) {
                if (unknown.add(String.valueOf(linkId))) {
                    faults.add(FormFault.of(String.valueOf(linkId), UNKNOWN_ITEM));
                }
            } else {
                List<Type> values = answers.computeIfAbsent(linkId, k -> new ArrayList<>());
                for (QuestionnaireResponseItemAnswerComponent answer : item.getAnswer()) {
                    if (answer.hasValue()) {
                        values.add(answer.getValue());
                    }
                    collect(answer.getItem(), items, answers, unknown, faults);
                }
                if (values.isEmpty()) {
                    answers.remove(linkId);
                }
            }
            collect(item.getItem(), items, answers, unknown, faults);
        }
    }

    /** Whether any item inside a group has an answer. */
    private static boolean anyAnswer(QuestionnaireItemComponent group, Map<String, List<Type>> answers) {
        for (QuestionnaireItemComponent child : group.getItem()) {
            if (answers.containsKey(child.getLinkId()) || anyAnswer(child, answers)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the item's nearest enclosing optional group has answers (a required item of an unused optional group is not missing). */
    private static boolean enclosingGroupAnswered(QuestionnaireItemComponent item, Map<String, QuestionnaireItemComponent> items,
            Map<String, List<Type>> answers) {
        for (QuestionnaireItemComponent candidate : items.values()) {
            if (candidate.getItem().contains(item)) {
                return candidate.getRequired() ? enclosingGroupAnswered(candidate, items, answers) : anyAnswer(candidate, answers);
            }
        }
        return true;
    }
}
