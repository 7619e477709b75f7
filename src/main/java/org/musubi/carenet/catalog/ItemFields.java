package org.musubi.carenet.catalog;

import java.util.ArrayList;
import java.util.List;
import org.musubi.record.fhir.FhirSystems;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One Questionnaire item as the form editor shows it: linkId, text in Japanese and English, type, required, repeats,
 * unit (UCUM), minimum and maximum (as typed), answer options, enable-when conditions and their behaviour, and the
 * LOINC code that maps it to Observations. Read from an item's JSON ({@link #of}) and written back into it
 * ({@link #writeInto}, which keeps what the editor does not show, such as the items inside a group), the way
 * docs/pathways.md says a form is written.
 *
 * @param enableBehavior {@code all}, {@code any} or blank
 */
public record ItemFields(String linkId, String textJa, String textEn, String type, boolean required, boolean repeats,
                         String unit, String min, String max, List<Option> options, List<Condition> enableWhen,
                         String enableBehavior, String loinc, String loincDisplay) {

    /** An answer option: a code of the item's own code system, its Japanese and English, its points (or blank). */
    public record Option(String code, String ja, String en, String points) {
    }

    /** An enable-when condition: the question's linkId, an R4 operator and the answer as text (a choice's code). */
    public record Condition(String question, String operator, String answer) {
    }

    public ItemFields {
        options = List.copyOf(options);
        enableWhen = List.copyOf(enableWhen);
    }

    /** The fields of an item's JSON. */
    public static ItemFields of(JsonNode item) {
        List<Option> options = new ArrayList<>();
        for (JsonNode option : item.path("answerOption")) {
            JsonNode coding = option.path("valueCoding");
            String points = "";
            for (JsonNode extension : coding.path("extension")) {
                if (FhirSystems.ORDINAL_VALUE.equals(text(extension.path("url")))) {
                    points = text(extension.path("valueDecimal"));
                }
            }
            options.add(new Option(text(coding.path("code")), text(coding.path("display")),
                    translation(coding.path("_display")), points));
        }
        List<Condition> conditions = new ArrayList<>();
        for (JsonNode when : item.path("enableWhen")) {
            String answer = "";
            for (var field : when.properties()) {
                if (field.getKey().startsWith("answer")) {
                    answer = field.getValue().isObject() ? text(field.getValue().path("code")) : text(field.getValue());
                }
            }
            conditions.add(new Condition(text(when.path("question")), text(when.path("operator")), answer));
        }
        String min = "";
        String max = "";
        String unit = "";
        for (JsonNode extension : item.path("extension")) {
            String url = text(extension.path("url"));
            if (FhirSystems.MIN_VALUE.equals(url)) {
                min = valueOf(extension);
            } else if (FhirSystems.MAX_VALUE.equals(url)) {
                max = valueOf(extension);
            } else if (FhirSystems.QUESTIONNAIRE_UNIT.equals(url)) {
                unit = text(extension.path("valueCoding").path("code"));
            }
        }
        String loinc = "";
        String loincDisplay = "";
        for (JsonNode code : item.path("code")) {
            if (FhirSystems.LOINC.equals(text(code.path("system")))) {
                loinc = text(code.path("code"));
                loincDisplay = text(code.path("display"));
            }
        }
        return new ItemFields(text(item.path("linkId")), text(item.path("text")), translation(item.path("_text")),
                text(item.path("type")), item.path("required").asBoolean(false), item.path("repeats").asBoolean(false),
                unit, min, max, options, conditions, text(item.path("enableBehavior")), loinc, loincDisplay);
    }

    /**
     * Writes these fields into {@code item}: {@code answerSystem} is the item's own code system for its options,
     * {@code questionType} the type of each question an enable-when names (for the answer's type), {@code system} of
     * a choice question's options.
     */
    void writeInto(ObjectNode item, String answerSystem, java.util.function.Function<String, JsonNode> question) {
        item.put("linkId", linkId.strip());
        putText(item, "text", "_text", textJa, textEn);
        item.put("type", type);
        bool(item, "required", required);
        bool(item, "repeats", repeats);
        item.remove("code");
        if (!blank(loinc)) {
            ObjectNode code = item.putArray("code").addObject();
            code.put("system", FhirSystems.LOINC).put("code", loinc.strip());
            if (!blank(loincDisplay)) {
                code.put("display", loincDisplay.strip());
            }
        }
        ArrayNode extensions = item.putArray("extension");
        limit(extensions, FhirSystems.MIN_VALUE, min);
        limit(extensions, FhirSystems.MAX_VALUE, max);
        if (!blank(unit)) {
            extensions.addObject().put("url", FhirSystems.QUESTIONNAIRE_UNIT).putObject("valueCoding")
                    .put("system", FhirSystems.UCUM).put("code", unit.strip()).put("display", unit.strip());
        }
        if (extensions.isEmpty()) {
            item.remove("extension");
        }
        item.remove("answerOption");
        if (!options.isEmpty()) {
            ArrayNode answers = item.putArray("answerOption");
            for (Option option : options) {
                ObjectNode coding = answers.addObject().putObject("valueCoding");
                coding.put("system", answerSystem).put("code", option.code().strip());
                putText(coding, "display", "_display", option.ja(), option.en());
                if (!blank(option.points())) {
                    coding.putArray("extension").addObject().put("url", FhirSystems.ORDINAL_VALUE)
                            .put("valueDecimal", number(option.points()));
                }
            }
        }
        item.remove("enableWhen");
        if (!enableWhen.isEmpty()) {
            ArrayNode whens = item.putArray("enableWhen");
            for (Condition condition : enableWhen) {
                ObjectNode when = whens.addObject();
                when.put("question", condition.question()).put("operator", condition.operator());
                answer(when, condition, question.apply(condition.question()));
            }
        }
        if (blank(enableBehavior)) {
            item.remove("enableBehavior");
        } else {
            item.put("enableBehavior", enableBehavior);
        }
    }

    private void limit(ArrayNode extensions, String url, String value) {
        if (blank(value)) {
            return;
        }
        ObjectNode extension = extensions.addObject().put("url", url);
        switch (type) {
            case "integer" -> extension.put("valueInteger", integer(value));
            case "decimal" -> extension.put("valueDecimal", number(value));
            case "date" -> extension.put("valueDate", value.strip());
            case "dateTime" -> extension.put("valueDateTime", value.strip());
            default -> throw new CatalogRefused(CatalogRefused.BAD_VALUE, linkId + ": " + value);
        }
    }

    private static void answer(ObjectNode when, Condition condition, JsonNode question) {
        String value = condition.answer() == null ? "" : condition.answer().strip();
        if ("exists".equals(condition.operator())) {
            when.put("answerBoolean", Boolean.parseBoolean(value));
            return;
        }
        String type = question == null ? "string" : text(question.path("type"));
        switch (type) {
            case "boolean" -> when.put("answerBoolean", Boolean.parseBoolean(value));
            case "integer" -> when.put("answerInteger", integer(value));
            case "decimal" -> when.put("answerDecimal", number(value));
            case "date" -> when.put("answerDate", value);
            case "dateTime" -> when.put("answerDateTime", value);
            case "choice", "open-choice" -> {
                String system = null;
                for (JsonNode option : question.path("answerOption")) {
                    if (value.equals(text(option.path("valueCoding").path("code")))) {
                        system = text(option.path("valueCoding").path("system"));
                    }
                }
                ObjectNode coding = when.putObject("answerCoding");
                if (system != null) {
                    coding.put("system", system);
                }
                coding.put("code", value);
            }
            default -> when.put("answerString", value);
        }
    }

    private static void putText(ObjectNode node, String field, String extensionField, String ja, String en) {
        node.put(field, ja == null ? "" : ja.strip());
        node.remove(extensionField);
        if (!blank(en)) {
            ArrayNode translation = node.putObject(extensionField).putArray("extension").addObject()
                    .put("url", FhirSystems.TRANSLATION).putArray("extension");
            translation.addObject().put("url", "lang").put("valueCode", "en");
            translation.addObject().put("url", "content").put("valueString", en.strip());
        }
    }

    private static void bool(ObjectNode node, String field, boolean value) {
        if (value) {
            node.put(field, true);
        } else {
            node.remove(field);
        }
    }

    private static int integer(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new CatalogRefused(CatalogRefused.BAD_VALUE, value);
        }
    }

    private static java.math.BigDecimal number(String value) {
        try {
            return new java.math.BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw new CatalogRefused(CatalogRefused.BAD_VALUE, value);
        }
    }

    private static String valueOf(JsonNode extension) {
        for (var field : extension.properties()) {
            if (field.getKey().startsWith("value")) {
                return text(field.getValue());
            }
        }
        return "";
    }

    /** The English of a primitive's {@code _text} / {@code _display} translation extension, or blank. */
    static String translation(JsonNode underscore) {
        for (JsonNode extension : underscore.path("extension")) {
            if (FhirSystems.TRANSLATION.equals(text(extension.path("url")))) {
                String lang = "";
                String content = "";
                for (JsonNode part : extension.path("extension")) {
                    if ("lang".equals(text(part.path("url")))) {
                        lang = text(part.path("valueCode"));
                    } else if ("content".equals(text(part.path("url")))) {
                        content = text(part.path("valueString"));
                    }
                }
                if ("en".equals(lang)) {
                    return content;
                }
            }
        }
        return "";
    }

    static String text(JsonNode node) {
        return node == null || !node.isValueNode() || node.isNull() ? "" : node.asString();
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
