package org.musubi.ingest.hl7.orders.segments;

import java.util.ArrayList;
import java.util.List;
import org.musubi.ingest.hl7.Hl7Field;
import org.musubi.ingest.hl7.Hl7Segment;
import org.musubi.ingest.hl7.Hl7Values;

/**
 * An OBX that accompanies an order or a performed test (weight, clinical diagnosis, drugs used, staff) as
 * a line of text, {@code <OBX-3 text>: <value>}, the value written by its type (OBX-2): a code by its text,
 * a time in ISO form, a person (XCN) by name, a drug used (ZRD, {@code code^name^system^amount^unit}) as
 * name, amount and unit, a number with its unit; anything else as its non-empty components.
 */
public final class ObxTexts {

    private ObxTexts() {
    }

    public static String line(Hl7Segment obx) {
        Hl7Field code = obx.field(3);
        String label = code.component(2).isEmpty() ? code.component(1) : code.component(2);
        String value = value(obx);
        return label.isEmpty() ? value : label + ": " + value;
    }

    public static String value(Hl7Segment obx) {
        List<String> values = new ArrayList<>();
        for (Hl7Field repetition : obx.repetitions(5)) {
            values.add(one(obx.text(2).strip(), repetition, obx.field(6)));
        }
        return String.join("\n", values);
    }

    private static String one(String type, Hl7Field value, Hl7Field unit) {
        return switch (type) {
            case "CWE", "CE", "CNE" -> value.component(2).isEmpty() ? value.component(1) : value.component(2);
            case "TS", "DT", "DTM" -> Hl7Values.dateTime(value.component(1)).map(d -> d.getValueAsString()).orElse(value.component(1));
            case "XCN" -> Practitioners.name(value);
            case "ZRD" -> joined(value.component(2), value.component(4), value.sub(5, 2).isEmpty() ? value.sub(5, 1) : value.sub(5, 2));
            case "NM" -> joined(value.component(1), unit.component(2).isEmpty() ? unit.component(1) : unit.component(2));
            case "TX", "ST", "FT", "" -> value.raw().isEmpty() ? "" : value.component(1);
            default -> joined(value.components().toArray(String[]::new));
        };
    }

    private static String joined(String... parts) {
        StringBuilder text = new StringBuilder();
        for (String part : parts) {
            if (!part.isBlank()) {
                text.append(text.isEmpty() ? "" : " ").append(part.strip());
            }
        }
        return text.toString();
    }
}
