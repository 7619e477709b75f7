package org.musubi.ingest.hl7.values;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Quantity.QuantityComparator;

/**
 * Numeric results as labs write them: {@code 7.2}, {@code -14}, {@code .5}, and with a comparator
 * {@code <5}, {@code <=0.1}, {@code >1000}, {@code >= 10} (full-width {@code ＜ ＞ ≦ ≧} too; JAHIS
 * lab-data rules, NHO doc/convert_to_sn.md).
 */
public final class Numbers {

    /** A number with an optional comparator (null when none). */
    public record Numeric(BigDecimal value, QuantityComparator comparator) {
    }

    public static final String NUMBER = "[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)";
    private static final Pattern COMPARED = Pattern.compile("(<=|>=|<|>|≦|≧|≤|≥|＜=|＞=|＜|＞)\\s*(" + NUMBER + ")");

    private Numbers() {
    }

    public static Optional<BigDecimal> plain(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.strip();
        if (value.isEmpty() || value.length() > 40 || !isPlain(value)) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(value.startsWith("+") ? value.substring(1) : value));
    }

    /** {@code [+-]?(\d+(\.\d*)?|\.\d+)}, checked by hand: this runs for every result. */
    private static boolean isPlain(String value) {
        int i = value.charAt(0) == '+' || value.charAt(0) == '-' ? 1 : 0;
        int digits = 0;
        int point = -1;
        for (; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && point < 0) {
                point = i;
            } else {
                return false;
            }
        }
        return digits > 0;
    }

    public static Optional<Numeric> withComparator(String text) {
        Optional<BigDecimal> plain = plain(text);
        if (plain.isPresent()) {
            return Optional.of(new Numeric(plain.get(), null));
        }
        if (text == null || text.length() > 40) {
            return Optional.empty();
        }
        Matcher matcher = COMPARED.matcher(text.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return plain(matcher.group(2)).map(v -> new Numeric(v, comparator(matcher.group(1))));
    }

    static QuantityComparator comparator(String symbol) {
        return switch (symbol) {
            case "<", "＜" -> QuantityComparator.LESS_THAN;
            case "<=", "≦", "≤", "＜=" -> QuantityComparator.LESS_OR_EQUAL;
            case ">", "＞" -> QuantityComparator.GREATER_THAN;
            default -> QuantityComparator.GREATER_OR_EQUAL;
        };
    }
}
