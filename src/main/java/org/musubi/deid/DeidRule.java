package org.musubi.deid;

/**
 * One rule (issue 48, deid). The selector is either an element path ({@code Patient.birthDate}, {@code *.text} for
 * any resource type, {@code **.note} for an element of that name at any depth) or a FHIR data type
 * ({@code type:HumanName}). {@code param} is the method's argument: the generalisation ({@code year},
 * {@code year-month}, {@code postcode3}, {@code age-band:5}, {@code prefecture}, {@code municipality}) or the
 * substitute value.
 *
 * @param index its position in the configuration, from 1
 */
public record DeidRule(int index, String selector, RuleMethod method, String param) {

    /** Whether the selector names a data type rather than a path. */
    public boolean byType() {
        return selector.startsWith("type:");
    }

    /** The data type a {@code type:} selector names. */
    public String typeName() {
        return selector.substring("type:".length());
    }

    /** A short name for reports and errors: "rule 3 (Patient.birthDate generalize)". */
    public String describe() {
        return "rule " + index + " (" + selector + " " + method.jsonName() + ")";
    }
}
