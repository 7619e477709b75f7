package org.musubi.carenet.enrolment;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Element;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Quantity;
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
import org.musubi.record.fhir.UnitText;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stage's form on a page: the fields a Questionnaire's items make ({@link #fields}), what a page's fields bind to
 * ({@link #bind}: a completed QuestionnaireResponse of the enabled items only — an answer to an item its conditions
 * hide is dropped, as the page hides it — and every fault by item: a value that does not read as the item's type,
 * then {@link ResponseCheck}'s), and the values prefilled from the record ({@link #prefill}). Field names are {@code
 * f.<linkId>}; what was typed is kept as typed, to show again beside the faults.
 */
public final class StageForm {

    public static final String PREFIX = "f.";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    public static final String NOT_A_NUMBER = "pathway.form.notANumber";
    public static final String NOT_AN_INTEGER = "pathway.form.notAnInteger";
    public static final String NOT_A_DATE = "pathway.form.notADate";
    public static final String NOT_A_BOOLEAN = "pathway.form.notABoolean";

    private StageForm() {
    }

    /** An answer option: its code, Japanese and English. */
    public record Option(String code, String ja, String en) {
    }

    /**
     * One field: the item's linkId, texts, type (R4's code: {@code boolean}, {@code decimal} … {@code group}), depth in
     * groups, whether required and repeating, its options, unit, limits, the LOINC code it maps to (null: none), its
     * enclosing group's linkId (null: none) and its enable-when conditions as JSON for the page's script (null: none;
     * the server applies them again on submit).
     */
    public record Field(String linkId, String ja, String en, String type, int depth, boolean required, boolean repeats,
                        List<Option> options, String unit, String min, String max, String loinc, String parent,
                        String when) {

        public String name() {
            return PREFIX + linkId;
        }

        public boolean group() {
            return "group".equals(type);
        }
    }

    /** The form's fields in order, groups before their items. */
    public static List<Field> fields(Questionnaire form) {
        List<Field> fields = new ArrayList<>();
        walk(form.getItem(), 0, null, fields);
        return fields;
    }

    private static void walk(List<QuestionnaireItemComponent> items, int depth, String parent, List<Field> into) {
        for (QuestionnaireItemComponent item : items) {
            String type = item.getType() == null ? "string" : item.getType().toCode();
            List<Option> options = item.getAnswerOption().stream().map(StageForm::option).toList();
            into.add(new Field(item.getLinkId(), item.getText(), english(item.getTextElement()), type, depth,
                    item.getRequired(), item.getRepeats(), options, unit(item), limit(item, FhirSystems.MIN_VALUE),
                    limit(item, FhirSystems.MAX_VALUE), loinc(item), parent, when(item)));
            walk(item.getItem(), depth + 1, item.getLinkId(), into);
        }
    }

    private static Option option(QuestionnaireItemAnswerOptionComponent option) {
        if (option.getValue() instanceof Coding c) {
            return new Option(c.getCode(), c.hasDisplay() ? c.getDisplay() : c.getCode(),
                    Optional.ofNullable(english(c.getDisplayElement())).orElse(c.getDisplay()));
        }
        String text = option.getValue() == null ? "" : option.getValue().primitiveValue();
        return new Option(text, text, text);
    }

    /**
     * The item's enable-when as the page's script reads it: {@code {"any":false,"when":[{"q":linkId,"op":"=","v":"…"}]}},
     * a Coding's value as its code, others as written; null without conditions.
     */
    static String when(QuestionnaireItemComponent item) {
        if (!item.hasEnableWhen()) {
            return null;
        }
        ObjectNode json = JSON.createObjectNode().put("any",
                item.getEnableBehavior() == Questionnaire.EnableWhenBehavior.ANY);
        ArrayNode when = json.putArray("when");
        for (Questionnaire.QuestionnaireItemEnableWhenComponent c : item.getEnableWhen()) {
            Type answer = c.getAnswer();
            when.addObject().put("q", c.getQuestion()).put("op", c.getOperator() == null ? "" : c.getOperator().toCode())
                    .put("v", answer instanceof Coding coding ? coding.getCode()
                            : answer == null ? "" : answer.primitiveValue());
        }
        return JSON.writeValueAsString(json);
    }

    /** The English of a text ({@code translation} extension, lang en); null when it has none. */
    static String english(Element text) {
        for (Extension translation : text.getExtensionsByUrl(FhirSystems.TRANSLATION)) {
            Extension lang = translation.getExtensionByUrl("lang");
            Extension content = translation.getExtensionByUrl("content");
            if (lang != null && content != null && "en".equals(lang.getValue().primitiveValue())) {
                return content.getValue().primitiveValue();
            }
        }
        return null;
    }

    /**
     * The unit of a numeric item as people read it (its Coding's display, else its code, through {@link UnitText}: the
     * operators' form writes the UCUM code as the display too); null when it has none.
     */
    static String unit(QuestionnaireItemComponent item) {
        return unitCoding(item).map(c -> UnitText.forPeople(c.hasDisplay() ? c.getDisplay() : c.getCode()))
                .orElse(null);
    }

    static Optional<Coding> unitCoding(QuestionnaireItemComponent item) {
        Extension unit = item.getExtensionByUrl(FhirSystems.QUESTIONNAIRE_UNIT);
        return unit != null && unit.getValue() instanceof Coding c ? Optional.of(c) : Optional.empty();
    }

    private static String limit(QuestionnaireItemComponent item, String url) {
        Extension limit = item.getExtensionByUrl(url);
        return limit == null || limit.getValue() == null ? null : limit.getValue().primitiveValue();
    }

    /** The item's LOINC code (what it maps to among Observations); null when it has none. */
    static String loinc(QuestionnaireItemComponent item) {
        return item.getCode().stream().filter(c -> FhirSystems.LOINC.equals(c.getSystem())).map(Coding::getCode)
                .findFirst().orElse(null);
    }

    /**
     * What a page's fields bound to: the response (answers of enabled items only), the faults (none: it may be
     * saved) and the values as typed.
     */
    public record Bound(QuestionnaireResponse response, List<FormFault> faults, Map<String, List<String>> entered) {

        public boolean valid() {
            return faults.isEmpty();
        }

        /** The faults of one item (to show beside it). */
        public List<FormFault> of(String linkId) {
            return faults.stream().filter(f -> f.item().equals(linkId)).toList();
        }
    }

    /**
     * Binds a page's fields ({@code f.<linkId>} → values) to a completed response to {@code form}, whose canonical
     * {@code url|version} it names.
     */
    public static Bound bind(Questionnaire form, Map<String, List<String>> fields) {
        Map<String, QuestionnaireItemComponent> items = new LinkedHashMap<>();
        flatten(form.getItem(), items);
        Map<String, List<Type>> parsed = new LinkedHashMap<>();
        Map<String, List<String>> entered = new LinkedHashMap<>();
        Map<String, FormFault> unreadable = new LinkedHashMap<>();
        for (QuestionnaireItemComponent item : items.values()) {
            if (item.getType() == QuestionnaireItemType.GROUP || item.getType() == QuestionnaireItemType.DISPLAY) {
                continue;
            }
            List<String> raw = fields.getOrDefault(PREFIX + item.getLinkId(), List.of()).stream()
                    .filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
            if (raw.isEmpty()) {
                continue;
            }
            entered.put(item.getLinkId(), raw);
            List<Type> values = new ArrayList<>();
            for (String value : raw) {
                Type read = read(item, value);
                if (read == null) {
                    unreadable.putIfAbsent(item.getLinkId(), new FormFault(item.getLinkId(), unreadableReason(item),
                            List.of(value)));
                } else {
                    values.add(read);
                }
            }
            if (!values.isEmpty()) {
                parsed.put(item.getLinkId(), values);
            }
        }
        Enablement enablement = new Enablement(form, parsed);
        QuestionnaireResponse response = new QuestionnaireResponse();
        response.setQuestionnaire(form.getUrl() + (form.hasVersion() ? "|" + form.getVersion() : ""));
        response.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        answer(form.getItem(), response.getItem(), parsed, enablement);
        List<FormFault> faults = new ArrayList<>();
        unreadable.values().stream().filter(f -> enablement.enabled(f.item())).forEach(faults::add);
        Set<String> faulted = new HashSet<>(unreadable.keySet());
        ResponseCheck.check(form, response).stream().filter(f -> !faulted.contains(f.item())).forEach(faults::add);
        return new Bound(response, List.copyOf(faults), entered);
    }

    private static void answer(List<QuestionnaireItemComponent> items, List<QuestionnaireResponseItemComponent> into,
                               Map<String, List<Type>> parsed, Enablement enablement) {
        for (QuestionnaireItemComponent item : items) {
            if (!enablement.enabled(item.getLinkId())) {
                continue;
            }
            QuestionnaireResponseItemComponent answered = new QuestionnaireResponseItemComponent()
                    .setLinkId(item.getLinkId()).setText(item.getText());
            if (item.getType() == QuestionnaireItemType.GROUP) {
                answer(item.getItem(), answered.getItem(), parsed, enablement);
                if (answered.hasItem()) {
                    into.add(answered);
                }
            } else if (parsed.containsKey(item.getLinkId())) {
                parsed.get(item.getLinkId()).forEach(v -> answered.addAnswer().setValue(v));
                into.add(answered);
            }
        }
    }

    private static String unreadableReason(QuestionnaireItemComponent item) {
        return switch (item.getType()) {
            case INTEGER -> NOT_AN_INTEGER;
            case DATE -> NOT_A_DATE;
            case BOOLEAN -> NOT_A_BOOLEAN;
            default -> NOT_A_NUMBER;
        };
    }

    /** A typed value as the item's type; null when it does not read as one. */
    static Type read(QuestionnaireItemComponent item, String typed) {
        String value = Normalizer.normalize(typed, Normalizer.Form.NFKC).strip();
        try {
            return switch (item.getType()) {
                case BOOLEAN -> "true".equals(value) ? new BooleanType(true)
                        : "false".equals(value) ? new BooleanType(false) : null;
                case INTEGER -> new IntegerType(Integer.parseInt(value));
                case DECIMAL -> new DecimalType(new BigDecimal(value));
                case QUANTITY -> {
                    Quantity quantity = new Quantity().setValue(new BigDecimal(value));
                    unitCoding(item).ifPresent(u -> quantity.setUnit(u.hasDisplay() ? u.getDisplay() : u.getCode())
                            .setSystem(u.getSystem()).setCode(u.getCode()));
                    yield quantity;
                }
                case DATE -> {
                    LocalDate.parse(value);
                    yield new DateType(value);
                }
                case CHOICE, OPENCHOICE -> choice(item, typed.strip());
                default -> new StringType(typed.strip());
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            return null;
        }
    }

    /** The option chosen (its value as the form has it), else a Coding of the code as given. */
    private static Type choice(QuestionnaireItemComponent item, String code) {
        for (QuestionnaireItemAnswerOptionComponent option : item.getAnswerOption()) {
            Type value = option.getValue();
            if (value instanceof Coding c && code.equals(c.getCode())) {
                return new Coding(c.getSystem(), c.getCode(), c.getDisplay());
            }
            if (value != null && !(value instanceof Coding) && code.equals(value.primitiveValue())) {
                return value.copy();
            }
        }
        return item.getType() == QuestionnaireItemType.OPENCHOICE ? new StringType(code) : new Coding().setCode(code);
    }

    static void flatten(List<QuestionnaireItemComponent> level, Map<String, QuestionnaireItemComponent> into) {
        for (QuestionnaireItemComponent item : level) {
            into.putIfAbsent(item.getLinkId(), item);
            flatten(item.getItem(), into);
        }
    }

    /** The LOINC codes the form's numeric items map to (what a prefill looks for). */
    public static Set<String> mappedCodes(Questionnaire form) {
        Set<String> codes = new java.util.LinkedHashSet<>();
        fields(form).stream().filter(f -> f.loinc() != null && numeric(f.type())).forEach(f -> codes.add(f.loinc()));
        return codes;
    }

    /**
     * The values a form starts with: for each numeric item mapped to a LOINC code, the latest value {@code latest}
     * gives for that code (a number, as the item takes it; an integer item only a whole number).
     */
    public static Map<String, List<String>> prefill(Questionnaire form, Function<String, Optional<BigDecimal>> latest) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (Field field : fields(form)) {
            if (field.loinc() == null || !numeric(field.type())) {
                continue;
            }
            latest.apply(field.loinc()).ifPresent(n -> {
                if ("integer".equals(field.type())) {
                    try {
                        values.put(field.linkId(), List.of(String.valueOf(n.intValueExact())));
                    } catch (ArithmeticException notWhole) {
                        // a fraction is not prefilled into an integer item
                    }
                } else {
                    values.put(field.linkId(), List.of(n.stripTrailingZeros().toPlainString()));
                }
            });
        }
        return values;
    }

    private static boolean numeric(String type) {
        return "integer".equals(type) || "decimal".equals(type) || "quantity".equals(type);
    }
}
