package org.musubi.pathway;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.TimeType;
import org.musubi.record.fhir.UnitText;
import org.hl7.fhir.r4.model.Type;
import org.hl7.fhir.r4.model.UriType;

/** Answer values of a Questionnaire: which value type an item takes, and how two values compare. */
final class Answers {

    private Answers() {
    }

    /** The FHIR name of the value type an item's answers have ({@code integer}, {@code Coding} …); null for a group or display. */
    static String expectedType(QuestionnaireItemComponent item) {
        QuestionnaireItemType type = item.getType();
        if (type == null) {
            return null;
        }
        return switch (type) {
            case BOOLEAN -> "boolean";
            case DECIMAL -> "decimal";
            case INTEGER -> "integer";
            case DATE -> "date";
            case DATETIME -> "dateTime";
            case TIME -> "time";
            case STRING, TEXT -> "string";
            case URL -> "uri";
            case CHOICE -> item.hasAnswerOption() && item.getAnswerOptionFirstRep().hasValue()
                    ? typeName(item.getAnswerOptionFirstRep().getValue()) : "Coding";
            case OPENCHOICE -> "Coding|string";
            case ATTACHMENT -> "Attachment";
            case REFERENCE -> "Reference";
            case QUANTITY -> "Quantity";
            default -> null;
        };
    }

    /** Whether an answer value is of the type the item takes. */
    static boolean fits(QuestionnaireItemComponent item, Type value) {
        String expected = expectedType(item);
        return expected != null && value != null && List.of(expected.split("\\|")).contains(typeName(value));
    }

    /** The FHIR name of a value's type. */
    static String typeName(Type value) {
        if (value instanceof BooleanType) {
            return "boolean";
        } else if (value instanceof IntegerType) {
            return "integer";
        } else if (value instanceof DecimalType) {
            return "decimal";
        } else if (value instanceof DateType) {
            return "date";
        } else if (value instanceof DateTimeType) {
            return "dateTime";
        } else if (value instanceof TimeType) {
            return "time";
        } else if (value instanceof UriType) {
            return "uri";
        } else if (value instanceof StringType) {
            return "string";
        } else if (value instanceof Coding) {
            return "Coding";
        } else if (value instanceof Quantity) {
            return "Quantity";
        } else if (value instanceof Reference) {
            return "Reference";
        } else if (value instanceof Attachment) {
            return "Attachment";
        }
        return value == null ? "none" : value.fhirType();
    }

    /** Whether two values are the same answer: a Coding by system and code (a missing system matches any), others by value. */
    static boolean same(Type a, Type b) {
        if (a instanceof Coding x && b instanceof Coding y) {
            return Objects.equals(x.getCode(), y.getCode())
                    && (!x.hasSystem() || !y.hasSystem() || x.getSystem().equals(y.getSystem()));
        }
        if (a instanceof Reference x && b instanceof Reference y) {
            return Objects.equals(x.getReference(), y.getReference());
        }
        Optional<Integer> order = compare(a, b);
        return order.isPresent() && order.get() == 0;
    }

    /**
     * How two values are ordered: numbers (integer, decimal, a Quantity's value when the units agree), dates and times
     * of the same precision, strings; empty when they do not compare.
     */
    static Optional<Integer> compare(Type a, Type b) {
        if (a == null || b == null) {
            return Optional.empty();
        }
        if (a instanceof BooleanType x && b instanceof BooleanType y) {
            return x.hasValue() && y.hasValue() ? Optional.of(x.getValue().compareTo(y.getValue())) : Optional.empty();
        }
        BigDecimal x = number(a);
        BigDecimal y = number(b);
        if (x != null && y != null) {
            if (a instanceof Quantity p && b instanceof Quantity q
                    && !Objects.equals(p.hasCode() ? p.getCode() : p.getUnit(), q.hasCode() ? q.getCode() : q.getUnit())) {
                return Optional.empty();
            }
            return Optional.of(x.compareTo(y));
        }
        if (a instanceof BaseDateTimeType p && b instanceof BaseDateTimeType q && p.hasValue() && q.hasValue()) {
            return p.getPrecision() == q.getPrecision() ? Optional.of(p.getValue().compareTo(q.getValue())) : Optional.empty();
        }
        if (a.getClass() == b.getClass() && (a instanceof StringType || a instanceof TimeType || a instanceof UriType)) {
            String p = a.primitiveValue();
            String q = b.primitiveValue();
            return p != null && q != null ? Optional.of(Integer.signum(p.compareTo(q))) : Optional.empty();
        }
        return Optional.empty();
    }

    /** A number's value, or a Quantity's; null for anything else. */
    static BigDecimal number(Type value) {
        if (value instanceof IntegerType i && i.hasValue()) {
            return BigDecimal.valueOf(i.getValue());
        } else if (value instanceof DecimalType d && d.hasValue()) {
            return d.getValue();
        } else if (value instanceof Quantity q && q.hasValue()) {
            return q.getValue();
        }
        return null;
    }

    /** How a value reads in a fault's text: a Coding as its code, a primitive as written. */
    static String text(Type value) {
        if (value instanceof Coding c) {
            return c.getCode();
        } else if (value instanceof Quantity q) {
            String unit = UnitText.forPeople(q.hasUnit() ? q.getUnit() : q.getCode());
            String number = q.hasValue() ? q.getValue().toPlainString() : "";
            return unit == null || unit.isBlank() ? number : (number + " " + unit).strip();
        } else if (value instanceof Reference r) {
            return r.getReference();
        }
        return value == null ? "" : value.primitiveValue();
    }
}
