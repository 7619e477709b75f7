package org.musubi.record.fhir;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Quantity's unit as people write it, for screens only (the stored unit stays as it is): UCUM's annotations lose
 * their braces ({@code mL/min/{1.73_m2}} → mL/min/1.73m²), its bracketed units their brackets ({@code /[HPF]} → /HPF,
 * {@code mm[Hg]} → mmHg), powers of ten and of metres are raised ({@code 10*3/uL} → 10³/μL, {@code kg/m2} → kg/m²),
 * micro is the Greek μ (U+03BC, as Japanese lab reports write it and as the JIS fonts the PDFs embed have it; the
 * micro sign µ, U+00B5, a sender may have typed, reads the same) and {@code Cel} is ℃. A unit already written for
 * people passes through unchanged. The one table from UCUM to what people read, for every page and PDF.
 */
public final class UnitText {

    private static final Pattern ANNOTATION = Pattern.compile("\\{([^{}]*)}");
    private static final Pattern POWER_OF_TEN = Pattern.compile("10[*^](-?\\d+)");
    private static final Pattern SQUARE_OR_CUBE = Pattern.compile("(?<=(?:^|[^A-Za-z])[munkcd]?m)([23])(?![0-9])");
    private static final Pattern MICRO = Pattern.compile("(?<![A-Za-z])u(?=(?:L|l|g|mol|m|IU|U|kat|eq|s)(?![a-z]))");
    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";
    /** Micro as people write it: the Greek small letter mu. */
    private static final String MU = "\u03BC";
    private static final String MICRO_SIGN = "\u00B5";

    private UnitText() {
    }

    /** The unit for people; null or blank stays so. */
    public static String forPeople(String unit) {
        if (unit == null || unit.isBlank()) {
            return unit;
        }
        String text = unit.strip();
        text = replace(ANNOTATION, text, m -> annotation(m.group(1)));
        text = text.replace("[", "").replace("]", "");
        text = replace(POWER_OF_TEN, text, m -> "10" + superscript(m.group(1)));
        text = replace(SQUARE_OR_CUBE, text, m -> superscript(m.group(1)));
        text = replace(MICRO, text, m -> MU).replace(MICRO_SIGN, MU);
        if (text.equals("Cel")) {
            return "℃";
        }
        return text.isEmpty() ? unit.strip() : text;
    }

    /** {@code 1.73_m2} → 1.73m² (the area a rate is normalised to); other annotations keep their words. */
    private static String annotation(String inside) {
        return inside.replaceAll("(?<=\\d)_(?=[A-Za-z])", "").replace('_', ' ');
    }

    private static String superscript(String digits) {
        StringBuilder out = new StringBuilder();
        for (char c : digits.toCharArray()) {
            out.append(c == '-' ? '⁻' : SUPERSCRIPTS.charAt(c - '0'));
        }
        return out.toString();
    }

    private static String replace(Pattern pattern, String text, Function<Matcher, String> with) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(with.apply(m)));
        }
        return m.appendTail(out).toString();
    }
}
