package org.musubi.pathway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.musubi.record.fhir.FhirSystems;

/** Filled forms for the tests: every enabled item answered with a value the form allows, and edits of one answer. */
final class Forms {

    private Forms() {
    }

    /** Answers to every item that is enabled by the others, each the first value the item allows. */
    static Map<String, List<Type>> complete(Questionnaire form) {
        Map<String, List<Type>> all = new LinkedHashMap<>();
        fill(form.getItem(), all);
        Map<String, List<Type>> kept = all;
        for (int round = 0; round < 5; round++) {
            Enablement enablement = new Enablement(form, kept);
            Map<String, List<Type>> next = new LinkedHashMap<>();
            all.forEach((linkId, values) -> {
                if (enablement.enabled(linkId)) {
                    next.put(linkId, values);
                }
            });
            kept = next;
        }
        return kept;
    }

    private static void fill(List<QuestionnaireItemComponent> items, Map<String, List<Type>> into) {
        for (QuestionnaireItemComponent item : items) {
            Type value = switch (item.getType()) {
                case INTEGER -> limitOr(item, new IntegerType(0));
                case DECIMAL -> limitOr(item, new DecimalType("0"));
                case DATE -> new DateType("2026-04-01");
                case BOOLEAN -> new BooleanType(true);
                case STRING, TEXT -> new StringType("記載あり");
                case CHOICE, OPENCHOICE -> item.getAnswerOptionFirstRep().getValue().copy();
                default -> null;
            };
            if (value != null) {
                into.put(item.getLinkId(), new ArrayList<>(List.of(value)));
            }
            fill(item.getItem(), into);
        }
    }

    private static Type limitOr(QuestionnaireItemComponent item, Type otherwise) {
        return ResponseCheck.limit(item, FhirSystems.MIN_VALUE).map(Type::copy).orElse(otherwise);
    }

    /** A response of these answers, nested in the form's groups as a form would send it. */
    static QuestionnaireResponse response(Questionnaire form, Map<String, List<Type>> answers) {
        QuestionnaireResponse response = new QuestionnaireResponse();
        response.setQuestionnaire(form.getUrl());
        response.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        Map<String, List<Type>> left = new LinkedHashMap<>(answers);
        nest(form.getItem(), response.getItem(), left);
        left.forEach((linkId, values) -> values.forEach(v -> response.addItem().setLinkId(linkId).addAnswer().setValue(v)));
        return response;
    }

    private static void nest(List<QuestionnaireItemComponent> items, List<QuestionnaireResponse.QuestionnaireResponseItemComponent> into,
            Map<String, List<Type>> left) {
        for (QuestionnaireItemComponent item : items) {
            if (item.getType() == Questionnaire.QuestionnaireItemType.GROUP) {
                QuestionnaireResponse.QuestionnaireResponseItemComponent group =
                        new QuestionnaireResponse.QuestionnaireResponseItemComponent().setLinkId(item.getLinkId());
                nest(item.getItem(), group.getItem(), left);
                if (group.hasItem()) {
                    into.add(group);
                }
            } else if (left.containsKey(item.getLinkId())) {
                QuestionnaireResponse.QuestionnaireResponseItemComponent answered =
                        new QuestionnaireResponse.QuestionnaireResponseItemComponent().setLinkId(item.getLinkId());
                left.remove(item.getLinkId()).forEach(v -> answered.addAnswer().setValue(v));
                into.add(answered);
            }
        }
    }

    /** The answers with one replaced (or added). */
    static Map<String, List<Type>> with(Map<String, List<Type>> answers, String linkId, Type... values) {
        Map<String, List<Type>> changed = new LinkedHashMap<>(answers);
        changed.put(linkId, List.of(values));
        return changed;
    }

    /** The answers without one. */
    static Map<String, List<Type>> without(Map<String, List<Type>> answers, String linkId) {
        Map<String, List<Type>> changed = new LinkedHashMap<>(answers);
        changed.remove(linkId);
        return changed;
    }
}
