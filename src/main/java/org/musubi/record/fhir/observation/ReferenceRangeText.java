package org.musubi.record.fhir.observation;

import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * An Observation's reference range as every page and PDF writes it, whatever the sender wrote: the one format of
 * ranges in Musubi, for screens only (the stored range stays as sent).
 * <ul>
 * <li>between two bounds: {@code 4.6–6.2} (an en dash, no spaces), whether the sender wrote {@code 4.6-6.2},
 * {@code 4.6～6.2}, {@code 4.6 〜 6.2}, {@code ４．６－６．２} or sent only {@code low} and {@code high};</li>
 * <li>one bound: {@code ≤ 5.0}, {@code < 5}, {@code ≥ 40}, {@code > 40} — an inclusive bound (FHIR's {@code low} or
 * {@code high} alone, or written {@code 5.0以下}, {@code <=5.0}, {@code ≦5.0}) with ≤ or ≥, an exclusive one (written
 * {@code 5未満}, {@code <5}, {@code 40超}, {@code >40}) with &lt; or &gt;, so that no meaning changes;</li>
 * <li>any other text ({@code 男 13.5-17.5 女 11.5-15.0}, {@code 陰性}) as written, with the dash between two numbers
 * written as above ({@code 男 13.5–17.5 女 11.5–15.0}).</li>
 * </ul>
 * The range's text wins over its bounds when both are sent (it is the facility's own words: {@code 5未満} is not
 * {@code ≤ 5}); full-width digits and signs are read as their ASCII forms.
 */
public final class ReferenceRangeText {

    /** The dash every range is written with. */
    public static final String DASH = "–";

    private static final String NUMBER = "([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+))";
    /** Hyphen, hyphens and dashes of Unicode, minus, full-width hyphen-minus, tilde, wave dash, wavy dash. */
    private static final String DASHES = "[-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFF0D~\uFF5E\u301C\u3030]";
    private static final Pattern BETWEEN = Pattern.compile(NUMBER + "\\s*" + DASHES + "\\s*" + NUMBER);
    private static final Pattern AT_MOST = Pattern.compile("(?:<=|≦|≤|=<)\\s*" + NUMBER + "|" + NUMBER + "\\s*以下");
    private static final Pattern BELOW = Pattern.compile("<\\s*" + NUMBER + "|" + NUMBER + "\\s*未満");
    private static final Pattern AT_LEAST = Pattern.compile("(?:>=|≧|≥|=>)\\s*" + NUMBER + "|" + NUMBER + "\\s*以上");
    private static final Pattern ABOVE = Pattern.compile(">\\s*" + NUMBER + "|" + NUMBER + "\\s*(?:超|超え)");
    /** A dash between two numbers inside a longer text. */
    private static final Pattern INNER_DASH = Pattern.compile("(?<=\\d)\\s*" + DASHES + "\\s*(?=[+-]?\\.?\\d)");

    private ReferenceRangeText() {
    }

    /** The first reference range of an Observation, for people; null when it has none. */
    public static String ofObservation(JsonNode observation) {
        return of(observation.path("referenceRange").path(0));
    }

    /** A reference range (an element of {@code Observation.referenceRange}) for people; null when it says nothing. */
    public static String of(JsonNode range) {
        if (range == null || !range.isObject()) {
            return null;
        }
        return of(text(range.path("text")), written(range.path("low").path("value")),
                written(range.path("high").path("value")));
    }

    /**
     * A range from its parts for people: {@code text} (the sender's words) when there is one, else the bounds as
     * written ({@code low}, {@code high}: numbers as text, either may be null); null when all are null or blank.
     */
    public static String of(String text, String low, String high) {
        if (text != null && !text.isBlank()) {
            return text(text);
        }
        boolean hasLow = low != null && !low.isBlank();
        boolean hasHigh = high != null && !high.isBlank();
        if (hasLow && hasHigh) {
            return low.strip() + DASH + high.strip();
        }
        if (hasLow) {
            return "≥ " + low.strip();
        }
        return hasHigh ? "≤ " + high.strip() : null;
    }

    /** A range the sender wrote in words, in the one format (see the class). */
    static String text(String written) {
        String text = Normalizer.normalize(written.strip(), Normalizer.Form.NFKC).replaceAll("\\s+", " ");
        Matcher between = BETWEEN.matcher(text);
        if (between.matches()) {
            return between.group(1) + DASH + between.group(2);
        }
        for (Bound bound : Bound.values()) {
            Matcher m = bound.pattern.matcher(text);
            if (m.matches()) {
                return bound.sign + " " + (m.group(1) != null ? m.group(1) : m.group(2));
            }
        }
        return INNER_DASH.matcher(text).replaceAll(DASH);
    }

    private enum Bound {
        AT_MOST_(AT_MOST, "≤"), BELOW_(BELOW, "<"), AT_LEAST_(AT_LEAST, "≥"), ABOVE_(ABOVE, ">");

        private final Pattern pattern;
        private final String sign;

        Bound(Pattern pattern, String sign) {
            this.pattern = pattern;
            this.sign = sign;
        }
    }

    private static String text(JsonNode node) {
        return node.isValueNode() && !node.isNull() ? node.asString() : null;
    }

    /** A bound's number as written (a tree read with decimals as written keeps {@code 6.10}). */
    private static String written(JsonNode node) {
        if (!node.isNumber()) {
            return node.isString() && !node.asString().isBlank() ? node.asString().strip() : null;
        }
        return node.isIntegralNumber() ? node.bigIntegerValue().toString() : node.decimalValue().toPlainString();
    }
}
