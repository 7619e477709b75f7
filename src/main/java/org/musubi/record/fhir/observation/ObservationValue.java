package org.musubi.record.fhir.observation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.musubi.record.fhir.FhirJson;
import org.musubi.record.fhir.UnitText;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a stored Observation (or one of its components) holds as its value, read from its JSON and not yet written for
 * any screen: a {@link Quantity} (number as written, comparator, unit and UCUM code), a text (a string, a
 * CodeableConcept's words, an integer, a boolean, a date or time), or the {@link Part components} of a panel (blood
 * pressure: systolic and diastolic); when there is none, the words of its {@code dataAbsentReason}. The one reader of
 * an Observation's value for every screen: the viewer's chart, the crews' dataset, the lab table, the residents'
 * checkups and vital signs. How a value is written on a screen is {@link #shown()} (and {@link Quantity#figure()} where
 * the unit stands in a column of its own).
 *
 * @param quantity   the quantity; null when the value is no quantity with a number
 * @param text       the value in words when it is not a quantity; null otherwise
 * @param components the components that hold a value, in order; empty for a single value
 * @param absent     why the value is missing ({@code dataAbsentReason} in words); null when not said
 */
public record ObservationValue(Quantity quantity, String text, List<Part> components, String absent) {

    /** The elements a value in words is read from, in order. */
    private static final List<String> WORDS = List.of("valueString", "valueCodeableConcept", "valueInteger",
            "valueBoolean", "valueDateTime", "valueTime");
    /** Decimals kept as written: {@code 6.10} stays {@code 6.10}. */
    private static final JsonMapper AS_WRITTEN = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).build();

    public ObservationValue {
        components = List.copyOf(components);
    }

    /**
     * A quantity as the sender wrote it.
     *
     * @param number     the number
     * @param written    the number as written ({@code 6.10}, {@code 120})
     * @param comparator {@code <}, {@code <=}, {@code >=}, {@code >}; null when the number is exact
     * @param unit       the unit's text as sent; null when none
     * @param code       the unit's (UCUM) code; null when none
     */
    public record Quantity(BigDecimal number, String written, String comparator, String unit, String code) {

        /** The unit a person reads: its text as sent, else its code; null when neither. */
        public String unitOrCode() {
            return unit != null ? unit : code;
        }

        /** The number with its comparator, as a cell beside the unit shows it: {@code <0.3}, {@code 6.10}. */
        public String figure() {
            return (comparator == null ? "" : comparator) + written;
        }

        /** The quantity for a screen: comparator, number and the unit for people ({@code < 0.5 mg/dl}, {@code 128 mmHg}). */
        public String shown() {
            String shown = UnitText.forPeople(unitOrCode());
            return (comparator == null ? "" : comparator + " ") + written + (shown == null ? "" : " " + shown);
        }
    }

    /**
     * One component of a panel.
     *
     * @param code  the component's code (a CodeableConcept)
     * @param value its value
     */
    public record Part(JsonNode code, ObservationValue value) {

        /** The component's name: its code's text, else a display, else a code; null when it has none. */
        public String name() {
            return FhirJson.concept(code);
        }
    }

    /** An Observation's stored JSON as a tree whose decimals stay as written, for readers that show or keep them. */
    public static JsonNode tree(String json) {
        return AS_WRITTEN.readTree(json);
    }

    /** The value of an Observation or of one of its components. */
    public static ObservationValue of(JsonNode observation) {
        Quantity quantity = quantity(observation.path("valueQuantity"));
        String text = null;
        for (int i = 0; quantity == null && text == null && i < WORDS.size(); i++) {
            JsonNode value = observation.path(WORDS.get(i));
            text = words(value.isObject() ? FhirJson.concept(value) : FhirJson.text(value));
        }
        List<Part> components = new ArrayList<>();
        for (JsonNode component : observation.path("component")) {
            ObservationValue value = of(component);
            if (!value.isEmpty()) {
                components.add(new Part(component.path("code"), value));
            }
        }
        JsonNode reason = observation.path("dataAbsentReason");
        String absent = quantity == null && text == null && reason.isObject() ? words(FhirJson.concept(reason)) : null;
        return new ObservationValue(quantity, text, components, absent);
    }

    /**
     * The quantity of an Observation held in HAPI's model (a document about to be written from it: the JAHIS
     * notebook's weight), as {@link #of} reads a stored one's; empty when its value is not a quantity with a number.
     */
    public static Optional<Quantity> quantity(org.hl7.fhir.r4.model.Observation observation) {
        if (!observation.hasValueQuantity() || !observation.getValueQuantity().hasValue()) {
            return Optional.empty();
        }
        org.hl7.fhir.r4.model.Quantity q = observation.getValueQuantity();
        return Optional.of(new Quantity(q.getValue(), q.getValue().toPlainString(),
                q.hasComparator() ? q.getComparator().toCode() : null, q.hasUnit() ? q.getUnit() : null,
                q.hasCode() ? q.getCode() : null));
    }

    /** Whether it holds no value: no quantity, no text, no component with a value. */
    public boolean isEmpty() {
        return quantity == null && text == null && components.isEmpty();
    }

    /**
     * The value as every screen writes it: a quantity with its unit for people ({@code 6.1 %}, {@code < 0.5 mg/dl}), a
     * text as sent, or a panel's components each after its name, joined by {@code " / "} (blood pressure:
     * {@code 収縮期血圧 128 mmHg / 拡張期血圧 76 mmHg}; a component without a name shows its value alone); null when
     * there is no value.
     */
    public String shown() {
        if (quantity != null) {
            return quantity.shown();
        }
        if (text != null) {
            return text;
        }
        List<String> parts = new ArrayList<>();
        for (Part part : components) {
            String value = part.value().shown();
            if (value != null) {
                parts.add(part.name() == null ? value : part.name() + " " + value);
            }
        }
        return parts.isEmpty() ? null : String.join(" / ", parts);
    }

    private static Quantity quantity(JsonNode quantity) {
        JsonNode value = quantity.path("value");
        if (!value.isNumber()) {
            return null;
        }
        String written = value.isIntegralNumber() ? value.bigIntegerValue().toString()
                : value.decimalValue().toPlainString();
        return new Quantity(value.decimalValue(), written, words(FhirJson.text(quantity.path("comparator"))),
                words(FhirJson.text(quantity.path("unit"))), words(FhirJson.text(quantity.path("code"))));
    }

    /** Text without surrounding blanks; null when blank. */
    private static String words(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
