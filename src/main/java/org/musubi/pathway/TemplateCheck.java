package org.musubi.pathway;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.musubi.record.fhir.FhirSystems;
import tools.jackson.databind.JsonNode;

/**
 * The structure of a Questionnaire as written (its JSON, before HAPI's parser forgives anything): every item has a
 * linkId, unique in the form, a text and a known R4 item type; only groups hold items; a choice has answerOptions or
 * an answerValueSet; minValue/maxValue fit the item's type and min is not above max; each enableWhen names a question
 * defined earlier in the form (not itself, not a group or display), with an operator R4 knows, an answer of the
 * question's type ({@code exists} a boolean; an ordering operator a number, date, time or quantity) and, for a choice,
 * one of its options; several enableWhen say their enableBehavior.
 */
public final class TemplateCheck {

    public static final String NOT_QUESTIONNAIRE = "pathway.template.notQuestionnaire";
    public static final String NO_ITEMS = "pathway.template.noItems";
    public static final String NO_LINK_ID = "pathway.template.noLinkId";
    public static final String DUPLICATE_LINK_ID = "pathway.template.duplicateLinkId";
    public static final String NO_TEXT = "pathway.template.noText";
    public static final String UNKNOWN_TYPE = "pathway.template.unknownType";
    public static final String NESTED_IN_QUESTION = "pathway.template.nestedInQuestion";
    public static final String EMPTY_GROUP = "pathway.template.emptyGroup";
    public static final String NO_OPTIONS = "pathway.template.noOptions";
    public static final String LIMIT_TYPE = "pathway.template.limitType";
    public static final String MIN_ABOVE_MAX = "pathway.template.minAboveMax";
    public static final String ENABLE_WHEN_UNKNOWN = "pathway.template.enableWhenUnknown";
    public static final String ENABLE_WHEN_LATER = "pathway.template.enableWhenLater";
    public static final String ENABLE_WHEN_NOT_QUESTION = "pathway.template.enableWhenNotQuestion";
    public static final String ENABLE_WHEN_OPERATOR = "pathway.template.enableWhenOperator";
    public static final String ENABLE_WHEN_ANSWER = "pathway.template.enableWhenAnswer";
    public static final String ENABLE_WHEN_NOT_OFFERED = "pathway.template.enableWhenNotOffered";
    public static final String ENABLE_BEHAVIOR = "pathway.template.enableBehavior";

    /** R4's item types. */
    static final Set<String> TYPES = Set.of("group", "display", "boolean", "decimal", "integer", "date", "dateTime",
            "time", "string", "text", "url", "choice", "open-choice", "attachment", "reference", "quantity");
    private static final Set<String> OPERATORS = Set.of("exists", "=", "!=", ">", "<", ">=", "<=");
    private static final Set<String> ORDERED = Set.of("decimal", "integer", "date", "dateTime", "time", "quantity");
    /** The value[x] a minValue/maxValue takes on an item of each type that has them. */
    private static final Map<String, Set<String>> LIMITS = Map.of("integer", Set.of("valueInteger"),
            "decimal", Set.of("valueDecimal", "valueInteger"), "date", Set.of("valueDate"),
            "dateTime", Set.of("valueDateTime", "valueDate"), "time", Set.of("valueTime"),
            "quantity", Set.of("valueQuantity"));
    /** The answer[x] of an enableWhen on a question of each type (exists aside). */
    private static final Map<String, Set<String>> ANSWERS = Map.ofEntries(Map.entry("boolean", Set.of("answerBoolean")),
            Map.entry("decimal", Set.of("answerDecimal", "answerInteger")), Map.entry("integer", Set.of("answerInteger")),
            Map.entry("date", Set.of("answerDate")), Map.entry("dateTime", Set.of("answerDateTime")),
            Map.entry("time", Set.of("answerTime")), Map.entry("string", Set.of("answerString")),
            Map.entry("text", Set.of("answerString")), Map.entry("url", Set.of("answerString")),
            Map.entry("choice", Set.of("answerCoding", "answerString", "answerInteger", "answerDate", "answerTime")),
            Map.entry("open-choice", Set.of("answerCoding", "answerString")), Map.entry("quantity", Set.of("answerQuantity")),
            Map.entry("reference", Set.of("answerReference")), Map.entry("attachment", Set.of()));

    private TemplateCheck() {
    }

    private record Entry(String path, JsonNode node, int order) {
        String name() {
            String linkId = text(node.path("linkId"));
            return linkId == null || linkId.isBlank() ? path : linkId;
        }

        String type() {
            return text(node.path("type"));
        }
    }

    /** The faults of a Questionnaire's JSON; none when it may be used as a stage's form. */
    public static List<FormFault> questionnaire(JsonNode questionnaire) {
        List<FormFault> faults = new ArrayList<>();
        if (questionnaire == null || !questionnaire.isObject()
                || !"Questionnaire".equals(text(questionnaire.path("resourceType")))) {
            faults.add(FormFault.of("Questionnaire", NOT_QUESTIONNAIRE));
            return faults;
        }
        List<Entry> entries = new ArrayList<>();
        walk(questionnaire.path("item"), "item", entries);
        if (entries.isEmpty()) {
            faults.add(FormFault.of("Questionnaire", NO_ITEMS));
        }
        Map<String, Entry> byLinkId = new HashMap<>();
        for (Entry entry : entries) {
            String linkId = text(entry.node().path("linkId"));
            if (linkId != null && !linkId.isBlank() && byLinkId.putIfAbsent(linkId, entry) != null) {
                faults.add(FormFault.of(linkId, DUPLICATE_LINK_ID));
            }
        }
        for (Entry entry : entries) {
            item(entry, byLinkId, faults);
        }
        return faults;
    }

    private static void walk(JsonNode items, String path, List<Entry> into) {
        if (!items.isArray()) {
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            String here = path + "[" + i + "]";
            into.add(new Entry(here, items.get(i), into.size()));
            walk(items.get(i).path("item"), here + ".item", into);
        }
    }

    private static void item(Entry entry, Map<String, Entry> byLinkId, List<FormFault> faults) {
        JsonNode node = entry.node();
        String name = entry.name();
        String type = entry.type();
        if (name.equals(entry.path())) {
            faults.add(FormFault.of(name, NO_LINK_ID));
        }
        String text = text(node.path("text"));
        if (text == null || text.isBlank()) {
            faults.add(FormFault.of(name, NO_TEXT));
        }
        if (type == null || !TYPES.contains(type)) {
            faults.add(FormFault.of(name, UNKNOWN_TYPE, type == null ? "" : type));
            return;
        }
        boolean hasChildren = node.path("item").isArray() && !node.path("item").isEmpty();
        if (hasChildren && !type.equals("group")) {
            faults.add(FormFault.of(name, NESTED_IN_QUESTION, type));
        }
        if (!hasChildren && type.equals("group")) {
            faults.add(FormFault.of(name, EMPTY_GROUP));
        }
        boolean options = node.path("answerOption").isArray() && !node.path("answerOption").isEmpty();
        if ((type.equals("choice") || type.equals("open-choice")) && !options && text(node.path("answerValueSet")) == null) {
            faults.add(FormFault.of(name, NO_OPTIONS));
        }
        limits(name, type, node, faults);
        enableWhen(entry, byLinkId, faults);
    }

    private static void limits(String name, String type, JsonNode node, List<FormFault> faults) {
        JsonNode min = null;
        JsonNode max = null;
        for (JsonNode extension : node.path("extension")) {
            String url = text(extension.path("url"));
            boolean isMin = FhirSystems.MIN_VALUE.equals(url);
            if (!isMin && !FhirSystems.MAX_VALUE.equals(url)) {
                continue;
            }
            String key = valueKey(extension, "value");
            if (key == null || !LIMITS.getOrDefault(type, Set.of()).contains(key)) {
                faults.add(FormFault.of(name, LIMIT_TYPE, isMin ? "minValue" : "maxValue", type));
                continue;
            }
            if (isMin) {
                min = extension.path(key);
            } else {
                max = extension.path(key);
            }
        }
        if (min != null && max != null && above(min, max)) {
            faults.add(FormFault.of(name, MIN_ABOVE_MAX, min.isValueNode() ? min.asString() : min.path("value").asString(),
                    max.isValueNode() ? max.asString() : max.path("value").asString()));
        }
    }

    /** Whether a lower limit is above an upper one: numbers (a Quantity's value) by value, ISO dates and times as text. */
    private static boolean above(JsonNode min, JsonNode max) {
        JsonNode low = min.isObject() ? min.path("value") : min;
        JsonNode high = max.isObject() ? max.path("value") : max;
        if (low.isNumber() && high.isNumber()) {
            return low.decimalValue().compareTo(high.decimalValue()) > 0;
        }
        if (low.isString() && high.isString()) {
            return low.asString().compareTo(high.asString()) > 0;
        }
        return false;
    }

    private static void enableWhen(Entry entry, Map<String, Entry> byLinkId, List<FormFault> faults) {
        JsonNode conditions = entry.node().path("enableWhen");
        if (!conditions.isArray() || conditions.isEmpty()) {
            return;
        }
        String name = entry.name();
        String behavior = text(entry.node().path("enableBehavior"));
        if (conditions.size() > 1 ? !"all".equals(behavior) && !"any".equals(behavior)
                : behavior != null && !"all".equals(behavior) && !"any".equals(behavior)) {
            faults.add(FormFault.of(name, ENABLE_BEHAVIOR));
        }
        for (JsonNode condition : conditions) {
            String question = text(condition.path("question"));
            Entry target = question == null ? null : byLinkId.get(question);
            if (target == null) {
                faults.add(FormFault.of(name, ENABLE_WHEN_UNKNOWN, question == null ? "" : question));
                continue;
            }
            if (target.order() >= entry.order()) {
                faults.add(FormFault.of(name, ENABLE_WHEN_LATER, question));
                continue;
            }
            String questionType = target.type();
            if (questionType == null || !ANSWERS.containsKey(questionType)) {
                faults.add(FormFault.of(name, ENABLE_WHEN_NOT_QUESTION, question));
                continue;
            }
            String operator = text(condition.path("operator"));
            String answer = valueKey(condition, "answer");
            if (operator == null || !OPERATORS.contains(operator)
                    || (Set.of(">", "<", ">=", "<=").contains(operator) && !ORDERED.contains(questionType))) {
                faults.add(FormFault.of(name, ENABLE_WHEN_OPERATOR, operator == null ? "" : operator, question));
                continue;
            }
            boolean fits = operator.equals("exists") ? "answerBoolean".equals(answer)
                    : answer != null && ANSWERS.get(questionType).contains(answer);
            if (!fits) {
                faults.add(FormFault.of(name, ENABLE_WHEN_ANSWER, question, questionType));
                continue;
            }
            if (!operator.equals("exists") && "answerCoding".equals(answer) && target.node().path("answerOption").isArray()
                    && !target.node().path("answerOption").isEmpty() && !offered(target.node(), condition.path(answer))) {
                faults.add(FormFault.of(name, ENABLE_WHEN_NOT_OFFERED, question, text(condition.path(answer).path("code"))));
            }
        }
    }

    private static boolean offered(JsonNode question, JsonNode coding) {
        for (JsonNode option : question.path("answerOption")) {
            JsonNode value = option.path("valueCoding");
            String system = text(coding.path("system"));
            String optionSystem = text(value.path("system"));
            if (value.isObject() && Objects.equals(text(value.path("code")), text(coding.path("code")))
                    && (system == null || optionSystem == null || system.equals(optionSystem))) {
                return true;
            }
        }
        return false;
    }

    /** The name of an element's value[x] (valueInteger, answerCoding …), null when it has none. */
    private static String valueKey(JsonNode node, String prefix) {
        for (String field : node.propertyNames()) {
            if (field.startsWith(prefix) && field.length() > prefix.length()
                    && Character.isUpperCase(field.charAt(prefix.length()))) {
                return field;
            }
        }
        return null;
    }

    static String text(JsonNode node) {
        return node == null || !node.isValueNode() || node.isNull() ? null : node.asString();
    }
}
