package org.musubi.ingest.hl7.orders.medication;

import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.Quantity;
import org.musubi.ingest.hl7.Hl7Field;
import org.musubi.ingest.hl7.Hl7Segment;
import org.musubi.ingest.hl7.MessageInput;
import org.musubi.ingest.hl7.orders.segments.OrderProblems;
import org.musubi.ingest.values.Numbers;
import org.musubi.ingest.values.Units;
import org.musubi.record.fhir.FhirSystems;

/**
 * Amounts in order messages: a number field with a unit CWE (RXE-3 with RXE-5, RXA-6 with RXA-7), a CQ
 * (RXE-19 {@code 3^TAB&錠&MR9P}) and a duration (TQ1-6 {@code 5^d}). A number that is not one is
 * warned about and left out; the rest of the message is still mapped.
 */
final class Quantities {

    private Quantities() {
    }

    /** Null when the value field is empty or not a number (then with a warning). */
    static Quantity of(MessageInput input, Hl7Segment segment, int valueField, Hl7Field unit) {
        String text = segment.text(valueField).strip();
        if (text.isEmpty()) {
            return null;
        }
        var value = Numbers.plain(text);
        if (value.isEmpty()) {
            OrderProblems.warn(input, segment, valueField, "number.notNumeric", segment.fieldName(valueField), text);
            return null;
        }
        return Units.quantity(value.get(), unit.component(1), unit.component(2), unit.component(3));
    }

    /** A CQ: number in component 1, unit CWE as the subcomponents of component 2. */
    static Quantity ofCq(MessageInput input, Hl7Segment segment, int field) {
        Hl7Field cq = segment.field(field);
        String text = cq.component(1).strip();
        if (text.isEmpty()) {
            return null;
        }
        var value = Numbers.plain(text);
        if (value.isEmpty()) {
            OrderProblems.warn(input, segment, field, "number.notNumeric", segment.fieldName(field), text);
            return null;
        }
        Hl7Field unit = cq.componentAsField(2);
        return Units.quantity(value.get(), unit.component(1), unit.component(2), unit.component(3));
    }

    /** A CQ of time ({@code 5^d}, {@code 2^wk}) as a UCUM duration with a Japanese unit text (日, 週 …). */
    static Duration duration(MessageInput input, Hl7Segment segment, int field) {
        Quantity quantity = ofCq(input, segment, field);
        if (quantity == null) {
            return null;
        }
        Duration duration = new Duration();
        duration.setValue(quantity.getValue());
        String code = segment.field(field).componentAsField(2).component(1);
        if (Units.isUcum(code)) {
            duration.setSystem(FhirSystems.UCUM).setCode(code);
        }
        duration.setUnit(switch (code) {
            case "d" -> "日";
            case "wk" -> "週";
            case "mo" -> "月";
            case "h" -> "時間";
            case "min" -> "分";
            default -> quantity.getUnit();
        });
        return duration;
    }
}
