package org.musubi.ingest.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.musubi.ingest.values.Numbers;

/**
 * A result's value as text with its unit, read the same way for every source (HL7 OBX-5 and OBX-6, a CSV's
 * {@code value} and {@code unit}), so that nothing is lost or changed without a warning:
 * <ul>
 * <li>a number is a quantity in its unit ({@link ResultUnits}); the usual comparators ({@code <0.1}, {@code >= 10},
 * {@code ＜0.1}) give its comparator. Limit values written otherwise ({@code :<0.5}, {@code ：＜０．５},
 * {@code 0.05未満}, {@code 1000以上}: {@code lab.value.limit}) and powers of ten ({@code 500×10^4} is 5000000:
 * {@code lab.value.power}) are read too, the text as sent kept in the quantity's {@code originalText};</li>
 * <li>a value sent as text (HL7 ST, TX, FT) is a quantity when it is a limit value, a power of ten, or a number with
 * a unit ({@code lab.value.limit}, {@code .power}, {@code .textNumber}), so the unit of {@code < 0.5} mg/dL is kept;
 * a bare number stays text as sent;</li>
 * <li>anything else stays text exactly as sent. A grade is never a number: {@code +1}, {@code +16} (1+, positive
 * 16×), {@code 1-}, {@code (2+)}; one sent as a number (NM, or a CSV's {@code +1}, which was read as 1 before) is
 * warned about ({@code lab.value.grade}); any other non-number sent as NM too ({@code result.notNumeric}). A unit
 * sent with a text value is kept as a note ({@code 単位: mg/dL}, {@code lab.unit.onText}).</li>
 * </ul>
 */
public final class ResultValues {

    static final String ORIGINAL_TEXT = "http://hl7.org/fhir/StructureDefinition/originalText";
    /** Grades as labs write them: {@code +1}, {@code 2+}, {@code 1-}, {@code (2+)}, {@code ±}, {@code -}, {@code 1+ 貪食有}. */
    private static final Pattern GRADE = Pattern.compile("[(（]?(?:[+＋]\\d+|\\d+[+＋\\-－]|[+＋\\-－]{1,4}|±)[)）]?(?:[\\s　].*)?");

    /** How the value was typed by its sender. */
    public enum Typed {
        /** HL7 NM (and SN's comparator and number). */
        NUMERIC,
        /** HL7 ST, TX, FT, or no type. */
        TEXT,
        /** A CSV column: the layout takes numbers and text alike. */
        UNTYPED
    }

    /** The unit as sent: its code, text (either may be empty) and the v2 coding-system name (may be empty). */
    public record Unit(String code, String text, String system) {

        public static final Unit NONE = new Unit("", "", "");

        public Unit {
            code = code == null ? "" : code;
            text = text == null ? "" : text;
            system = system == null ? "" : system;
        }

        boolean isEmpty() {
            return code.isEmpty() && text.isEmpty();
        }

        /** What the sender shows: the text, else the code. */
        String shown() {
            return text.isEmpty() ? code : text;
        }
    }

    /** The value, the notes it adds to its result and what was done to it. */
    public record Read(Type value, List<String> notes, List<ResultWarning> warnings) {

        public Read {
            notes = notes.isEmpty() ? List.of() : List.copyOf(notes);
            warnings = warnings.isEmpty() ? List.of() : List.copyOf(warnings);
        }
    }

    private ResultValues() {
    }

    /** {@code text} is the value as sent (not empty); {@code kind} decides which units are plausible. */
    public static Read read(String text, Typed typed, Unit unit, ResultKind kind) {
        List<ResultWarning> warnings = new ArrayList<>(0);
        Optional<Numbers.Result> number = Numbers.result(text);
        if (number.isPresent() && (typed != Typed.TEXT || number.get().form() != Numbers.Form.PLAIN || !unit.isEmpty())) {
            return new Read(quantity(text, typed, number.get(), unit, kind, warnings), List.of(), warnings);
        }
        String code = notNumber(text.strip(), typed);
        if (code != null) {
            warnings.add(ResultWarning.value(code, text));
        }
        if (unit.isEmpty()) {
            return new Read(new StringType(text), List.of(), warnings);
        }
        warnings.add(ResultWarning.unit("lab.unit.onText", unit.shown(), text));
        return new Read(new StringType(text), List.of("単位: " + unit.shown()), warnings);
    }

    private static Quantity quantity(String text, Typed typed, Numbers.Result number, Unit unit, ResultKind kind,
                                     List<ResultWarning> warnings) {
        Quantity quantity = ResultUnits.quantity(number.value(), unit, kind, warnings);
        if (number.comparator() != null) {
            quantity.setComparator(number.comparator());
        }
        String code = switch (number.form()) {
            case PLAIN -> typed == Typed.TEXT ? "lab.value.textNumber" : null;
            case COMPARED -> typed == Typed.TEXT ? "lab.value.limit" : null;
            case WRITTEN -> "lab.value.limit";
            case POWER -> "lab.value.power";
        };
        if (code != null) {
            quantity.addExtension(ORIGINAL_TEXT, new StringType(text));
            String comparator = number.comparator() == null ? "" : number.comparator().toCode();
            warnings.addFirst(ResultWarning.value(code, text, comparator, number.value().toPlainString(),
                    unit.isEmpty() ? "" : unit.shown()));
        }
        return quantity;
    }

    /** The warning a non-number deserves: a grade or any text sent as a number; none for text sent as text. */
    private static String notNumber(String text, Typed typed) {
        return switch (typed) {
            case NUMERIC -> GRADE.matcher(text).matches() ? "lab.value.grade" : "result.notNumeric";
            case UNTYPED -> text.length() > 1 && text.charAt(0) == '+' && Character.isDigit(text.charAt(1))
                    ? "lab.value.grade" : null;
            case TEXT -> null;
        };
    }
}
