package org.musubi.ingest.results;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Observation.ObservationReferenceRangeComponent;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.SimpleQuantity;
import org.musubi.ingest.values.Numbers;

/**
 * Reference ranges as labs write them (HL7 OBX-7, a CSV column): {@code 6.70-8.3}, {@code 3.7～5.5},
 * {@code <5}, {@code <=0.3}, {@code >=10}, {@code 40以上}, {@code 5未満}. The text is always kept; low and
 * high are added when readable, in the result's unit. A bound written as {@code <} or {@code 未満} is kept
 * as the number sent (FHIR ranges have no exclusive bounds). A bound {@link Numbers#plain} does not take
 * (longer than it reads) leaves the range as text only.
 */
public final class ReferenceRanges {

    private static final String N = "(" + Numbers.NUMBER + ")";
    private static final Pattern BETWEEN = Pattern.compile(N + "\\s*[-－~～〜]\\s*" + N);
    private static final Pattern UPPER = Pattern.compile("(?:<=|<|≦|≤|＜=|＜)\\s*" + N + "|" + N + "\\s*(?:以下|未満)");
    private static final Pattern LOWER = Pattern.compile("(?:>=|>|≧|≥|＞=|＞)\\s*" + N + "|" + N + "\\s*(?:以上|超)");

    private ReferenceRanges() {
    }

    /** Null for empty text. {@code unit} gives low and high their unit (may be null). */
    public static ObservationReferenceRangeComponent parse(String text, Quantity unit) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String range = text.strip();
        ObservationReferenceRangeComponent component = new ObservationReferenceRangeComponent().setText(range);
        if (range.length() > 60) {
            return component;
        }
        Matcher between = BETWEEN.matcher(range);
        if (between.matches()) {
            var low = Numbers.plain(between.group(1));
            var high = Numbers.plain(between.group(2));
            if (low.isPresent() && high.isPresent()) {
                component.setLow(bound(low.get(), unit)).setHigh(bound(high.get(), unit));
            }
            return component;
        }
        Matcher upper = UPPER.matcher(range);
        if (upper.matches()) {
            Numbers.plain(first(upper)).ifPresent(v -> component.setHigh(bound(v, unit)));
            return component;
        }
        Matcher lower = LOWER.matcher(range);
        if (lower.matches()) {
            Numbers.plain(first(lower)).ifPresent(v -> component.setLow(bound(v, unit)));
        }
        return component;
    }

    /** From separate low and high columns (either may be empty); null when both are. */
    public static ObservationReferenceRangeComponent of(String low, String high, String text, Quantity unit) {
        var lowValue = Numbers.plain(low);
        var highValue = Numbers.plain(high);
        if (lowValue.isEmpty() && highValue.isEmpty()) {
            return parse(text, unit);
        }
        ObservationReferenceRangeComponent component = new ObservationReferenceRangeComponent();
        lowValue.ifPresent(v -> component.setLow(bound(v, unit)));
        highValue.ifPresent(v -> component.setHigh(bound(v, unit)));
        if (text != null && !text.isBlank()) {
            component.setText(text.strip());
        }
        return component;
    }

    private static String first(Matcher matcher) {
        return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
    }

    private static SimpleQuantity bound(BigDecimal value, Quantity unit) {
        SimpleQuantity bound = new SimpleQuantity();
        bound.setValue(value);
        if (unit != null) {
            bound.setUnit(unit.getUnit()).setSystem(unit.getSystem()).setCode(unit.getCode());
        }
        return bound;
    }
}
