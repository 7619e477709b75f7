package org.musubi.ingest.hl7.orders.results;

import java.util.List;
import java.util.StringJoiner;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.musubi.ingest.hl7.Hl7Field;
import org.musubi.ingest.hl7.Hl7Segment;
import org.musubi.ingest.hl7.Hl7Values;
import org.musubi.ingest.hl7.MessageInput;
import org.musubi.ingest.hl7.orders.segments.ObxTexts;
import org.musubi.ingest.hl7.orders.segments.OrderProblems;
import org.musubi.ingest.hl7.values.Numbers;
import org.musubi.ingest.hl7.values.Units;

/**
 * A result OBX's value (OBX-5) by its type (OBX-2), as JP_Observation_LabResult describes: NM a quantity
 * in OBX-6's unit (a comparator such as {@code <5} kept; anything not numeric is warned about and kept as
 * text), SN ({@code >^100}) a quantity with comparator, CWE/CE a coded value, TS/DT a dateTime, ST/TX/FT
 * (repetitions joined by new lines) and anything else text. Null when OBX-5 is empty.
 */
final class ObxValues {

    private ObxValues() {
    }

    static Type value(MessageInput input, Hl7Segment obx) {
        List<Hl7Field> values = obx.repetitions(5);
        if (values.isEmpty()) {
            return null;
        }
        Hl7Field first = values.getFirst();
        return switch (obx.text(2).strip()) {
            case "NM" -> numeric(input, obx, first.component(1));
            case "SN" -> structured(input, obx, first);
            case "CWE", "CE", "CNE" -> Hl7Values.concept(first).<Type>map(c -> c).orElse(null);
            case "TS", "DT", "DTM" -> Hl7Values.dateTime(first.component(1)).<Type>map(d -> d)
                    .orElseGet(() -> new StringType(first.component(1)));
            case "ST", "TX", "FT", "" -> text(values);
            default -> new StringType(ObxTexts.value(obx));
        };
    }

    private static Type numeric(MessageInput input, Hl7Segment obx, String text) {
        var number = Numbers.withComparator(text);
        if (number.isEmpty()) {
            OrderProblems.warn(input, obx, 5, "result.notNumeric", text);
            return new StringType(text);
        }
        Hl7Field unit = obx.field(6);
        Quantity quantity = Units.quantity(number.get().value(), unit.component(1), unit.component(2), unit.component(3));
        return number.get().comparator() == null ? quantity : quantity.setComparator(number.get().comparator());
    }

    /** SN: comparator^number[^separator^number]; a ratio or range stays text. */
    private static Type structured(MessageInput input, Hl7Segment obx, Hl7Field sn) {
        if (!sn.component(3).isEmpty() || !sn.component(4).isEmpty()) {
            return new StringType(String.join("", sn.components()));
        }
        return numeric(input, obx, sn.component(1) + sn.component(2));
    }

    private static StringType text(List<Hl7Field> values) {
        StringJoiner text = new StringJoiner("\n");
        values.forEach(v -> text.add(v.component(1)));
        return new StringType(text.toString());
    }
}
