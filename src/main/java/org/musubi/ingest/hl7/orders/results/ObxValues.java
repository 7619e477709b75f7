package org.musubi.ingest.hl7.orders.results;

import java.util.List;
import java.util.StringJoiner;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.musubi.ingest.hl7.Hl7Field;
import org.musubi.ingest.hl7.Hl7Segment;
import org.musubi.ingest.hl7.Hl7Values;
import org.musubi.ingest.hl7.MessageInput;
import org.musubi.ingest.hl7.orders.segments.ObxTexts;
import org.musubi.ingest.results.ResultKind;
import org.musubi.ingest.results.ResultValues;
import org.musubi.ingest.results.ResultValues.Typed;
import org.musubi.ingest.results.ResultWarning;

/**
 * A result OBX's value (OBX-5) by its type (OBX-2), as JP_Observation_LabResult describes: NM, and ST/TX/FT
 * (repetitions joined by new lines), read with OBX-6's unit by {@link ResultValues} (numbers, limit values, grades,
 * units, each change warned about naming OBX-5 or OBX-6); SN ({@code >^100}) a quantity with comparator, a ratio or
 * range text; CWE/CE a coded value; TS/DT a dateTime; anything else text. A value of a simple type (NM, ST, TX, FT)
 * holding a component separator the sender did not escape ({@code 500×10^4}) is read whole, with a warning
 * ({@code lab.caret}). Null when OBX-5 is empty.
 */
final class ObxValues {

    private ObxValues() {
    }

    static ResultValues.Read value(MessageInput input, Hl7Segment obx, ResultKind kind) {
        List<Hl7Field> values = obx.repetitions(5);
        if (values.isEmpty()) {
            return null;
        }
        Hl7Field first = values.getFirst();
        return switch (obx.text(2).strip()) {
            case "NM" -> read(input, obx, whole(input, obx, List.of(first)), Typed.NUMERIC, kind);
            case "SN" -> structured(input, obx, first, kind);
            case "CWE", "CE", "CNE" -> plain(Hl7Values.concept(first).<Type>map(c -> c).orElse(null));
            case "TS", "DT", "DTM" -> plain(Hl7Values.dateTime(first.component(1)).<Type>map(d -> d)
                    .orElseGet(() -> new StringType(first.component(1))));
            case "ST", "TX", "FT", "" -> read(input, obx, whole(input, obx, values), Typed.TEXT, kind);
            default -> plain(new StringType(ObxTexts.value(obx)));
        };
    }

    private static ResultValues.Read read(MessageInput input, Hl7Segment obx, String text, Typed typed, ResultKind kind) {
        Hl7Field unit = obx.field(6);
        ResultValues.Read read = ResultValues.read(text, typed,
                new ResultValues.Unit(unit.component(1), unit.component(2), unit.component(3)), kind);
        for (ResultWarning warning : read.warnings()) {
            input.warn(warning.at(input.at(obx, warning.part() == ResultWarning.Part.UNIT ? 6 : 5)));
        }
        return read;
    }

    /** SN: comparator^number[^separator^number]; a ratio or range stays text. */
    private static ResultValues.Read structured(MessageInput input, Hl7Segment obx, Hl7Field sn, ResultKind kind) {
        if (!sn.component(3).isEmpty() || !sn.component(4).isEmpty()) {
            return plain(new StringType(String.join("", sn.components())));
        }
        return read(input, obx, sn.component(1) + sn.component(2), Typed.NUMERIC, kind);
    }

    /** The repetitions' texts on lines of their own, each read whole: a separator it holds was not escaped. */
    private static String whole(MessageInput input, Hl7Segment obx, List<Hl7Field> values) {
        StringJoiner text = new StringJoiner("\n");
        for (Hl7Field value : values) {
            text.add(value.whole());
            if (value.hasComponents()) {
                input.warn(ResultWarning.problem(input.at(obx, 5), "lab.caret", "OBX-5", value.whole()));
            }
        }
        return text.toString();
    }

    private static ResultValues.Read plain(Type value) {
        return value == null ? null : new ResultValues.Read(value, List.of(), List.of());
    }
}
