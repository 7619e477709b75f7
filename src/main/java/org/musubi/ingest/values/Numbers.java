package org.musubi.ingest.values;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Quantity.QuantityComparator;

/**
 * Numeric results as labs write them: {@code 7.2}, {@code -14}, {@code .5}, and with a comparator
 * {@code <5}, {@code <=0.1}, {@code >1000}, {@code >= 10} (full-width {@code ＜ ＞ ≦ ≧} too; JAHIS
 * lab-data rules, NHO doc/convert_to_sn.md). A result's value ({@link #result}) is read further, as storages
 * and lab centres write limits and counts: {@code :<0.5}, {@code ：＜０．５}, {@code 0.05未満}, {@code 1000以上},
 * {@code 500×10^4}; a value with a leading plus sign ({@code +1}, {@code +16}) is a grade (1+), never a number.
 */
public final class Numbers {

    /** A number with an optional comparator (null when none). */
    public record Numeric(BigDecimal value, QuantityComparator comparator) {
    }

    /** How a result's number was written. */
    public enum Form {
        /** A plain number: {@code 7.2}, {@code -14}. */
        PLAIN,
        /** A limit as HL7 and the lab CSV write it: {@code <0.1}, {@code >= 10}, {@code ＜0.1}, {@code ≦5}. */
        COMPARED,
        /** A limit written otherwise: {@code :<0.5}, {@code ：＜０．５}, {@code =<5}, {@code 0.05未満}, {@code 1000以上}. */
        WRITTEN,
        /** A power of ten, read as the number it is: {@code 500×10^4} is 5000000. */
        POWER
    }

    /** A result's number, its comparator (null when none) and how it was written. */
    public record Result(BigDecimal value, QuantityComparator comparator, Form form) {
    }

    public static final String NUMBER = "[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)";
    private static final Pattern COMPARED = Pattern.compile("(<=|>=|<|>|≦|≧|≤|≥|＜=|＞=|＜|＞)\\s*(" + NUMBER + ")");
    /** Powers of ten a lab writes (10^2 … 10^9 for counts); beyond this the text is kept as text. */
    private static final int MAX_EXPONENT = 12;
    private static final String UNSIGNED = "-?(?:\\d+(?:\\.\\d*)?|\\.\\d+)";
    private static final String SYMBOL = "(<=|>=|=<|=>|<|>|≦|≧|≤|≥)";
    private static final Pattern LIMIT_BEFORE = Pattern.compile(":?\\s*" + SYMBOL + "\\s*(" + UNSIGNED + ")");
    private static final Pattern LIMIT_AFTER = Pattern.compile(":?\\s*(" + UNSIGNED + ")\\s*(未満|以下|以上|超)");
    private static final Pattern POWER = Pattern.compile(":?\\s*(?:" + SYMBOL + "\\s*)?(" + UNSIGNED
            + ")\\s*[x×*]\\s*10\\s*\\^\\s*([+-]?\\d{1,2})");

    private Numbers() {
    }

    public static Optional<BigDecimal> plain(String text) {
        return text == null ? Optional.empty() : stripped(text.strip());
    }

    /** {@link #plain} of a text without surrounding blanks. */
    private static Optional<BigDecimal> stripped(String value) {
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

    /**
     * A result's value as a number, or empty when it is none (text, a grade such as {@code +1} or {@code 2+}).
     * Plain numbers and the usual comparators are read first and fast; other forms only after the text is
     * normalised (NFKC: full-width digits and signs become ASCII).
     */
    public static Optional<Result> result(String text) {
        if (text == null || text.length() > 60) {
            return Optional.empty();
        }
        String sent = text.strip();
        if (sent.isEmpty() || sent.charAt(0) == '+' || sent.charAt(0) == '＋') {
            return Optional.empty();
        }
        Optional<BigDecimal> plain = stripped(sent);
        if (plain.isPresent()) {
            return Optional.of(new Result(plain.get(), null, Form.PLAIN));
        }
        Matcher compared = COMPARED.matcher(sent);
        if (compared.matches()) {
            return compared.group(2).charAt(0) == '+' ? Optional.empty() : stripped(compared.group(2))
                    .map(v -> new Result(v, comparator(compared.group(1)), Form.COMPARED));
        }
        return written(Normalizer.normalize(sent, Normalizer.Form.NFKC).strip());
    }

    private static Optional<Result> written(String text) {
        Matcher before = LIMIT_BEFORE.matcher(text);
        if (before.matches()) {
            return Optional.of(new Result(new BigDecimal(before.group(2)), comparator(before.group(1)), Form.WRITTEN));
        }
        Matcher after = LIMIT_AFTER.matcher(text);
        if (after.matches()) {
            return Optional.of(new Result(new BigDecimal(after.group(1)), comparator(after.group(2)), Form.WRITTEN));
        }
        Matcher power = POWER.matcher(text);
        if (power.matches() && Math.abs(Integer.parseInt(power.group(3))) <= MAX_EXPONENT) {
            BigDecimal value = new BigDecimal(power.group(2)).scaleByPowerOfTen(Integer.parseInt(power.group(3)));
            value = value.scale() < 0 ? value.setScale(0) : value;
            QuantityComparator comparator = power.group(1) == null ? null : comparator(power.group(1));
            return Optional.of(new Result(value, comparator, Form.POWER));
        }
        return Optional.empty();
    }

    static QuantityComparator comparator(String symbol) {
        return switch (symbol) {
            case "<", "＜", "未満" -> QuantityComparator.LESS_THAN;
            case "<=", "=<", "≦", "≤", "＜=", "以下" -> QuantityComparator.LESS_OR_EQUAL;
            case ">", "＞", "超" -> QuantityComparator.GREATER_THAN;
            default -> QuantityComparator.GREATER_OR_EQUAL;
        };
    }
}
