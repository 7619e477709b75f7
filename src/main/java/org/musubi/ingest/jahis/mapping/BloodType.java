package org.musubi.ingest.jahis.mapping;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.record.fhir.Loinc;

/**
 * A 血液型 as JAHIS record 1 carries it: free text, written as people write it ({@code A+}, {@code Ｂ＋},
 * {@code AB型 Rh(−)}, {@code O型}, {@code Rh-}). Read after NFKC (full-width letters and signs), upper case, without
 * blanks: an ABO group (A, B, O, AB, optionally followed by 型) and/or an Rh(D) sign (+ or − in any dash, or 陽性 /
 * 陰性, optionally after Rh or RhD and in brackets). The LOINC code follows what the text says: 882-1 ABO and Rh,
 * 883-9 ABO only, 10331-7 Rh only, each with its LOINC answer (LL2972-9, LL2419-1, LL360-9).
 */
record BloodType(String abo, Boolean rhPositive) {

    private static final String SIGN = "[+\\-\u2212\u2010\u2011\u2012\u2013\u2014\u2015]|陽性|陰性";
    private static final Pattern WRITTEN = Pattern.compile(
            "(?:(AB|A|B|O)型?)?(?:RH(?:\\(D\\)|D)?)?(?:\\((" + SIGN + ")\\)|(" + SIGN + "))?");
    private static final Map<String, String> ABO_ANSWERS = Map.of("A", "LA19710-5", "B", "LA19709-7", "O", "LA19708-9",
            "AB", "LA28449-9");
    private static final Map<String, String> BOTH_ANSWERS = Map.of("A+", "LA21325-8", "A-", "LA21326-6",
            "B+", "LA21327-4", "B-", "LA21328-2", "O+", "LA21321-7", "O-", "LA21322-5", "AB+", "LA21323-3",
            "AB-", "LA21324-1");

    /** The group the text says, or empty when it says neither an ABO group nor an Rh sign readably. */
    static Optional<BloodType> read(String written) {
        String text = Normalizer.normalize(written, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT).replaceAll("\\s", "");
        Matcher m = WRITTEN.matcher(text);
        if (text.isEmpty() || !m.matches()) {
            return Optional.empty();
        }
        String sign = m.group(2) != null ? m.group(2) : m.group(3);
        Boolean positive = sign == null ? null : sign.equals("+") || sign.equals("陽性");
        return m.group(1) == null && positive == null ? Optional.empty() : Optional.of(new BloodType(m.group(1), positive));
    }

    /** The LOINC observation code of what the text says. */
    Coding code() {
        if (abo != null && rhPositive != null) {
            return loinc(Loinc.ABO_AND_RH);
        }
        return loinc(abo != null ? Loinc.ABO : Loinc.RH);
    }

    private static Coding loinc(String code) {
        return new Coding(FhirSystems.LOINC, code, Loinc.display(code));
    }

    /** The value: the text as written, and the LOINC answer. */
    CodeableConcept value(String written) {
        String rh = rhPositive == null ? null : rhPositive ? "+" : "-";
        Coding answer;
        if (abo != null && rh != null) {
            answer = new Coding(FhirSystems.LOINC, BOTH_ANSWERS.get(abo + rh), abo + (rhPositive ? " Pos" : " Neg"));
        } else if (abo != null) {
            answer = new Coding(FhirSystems.LOINC, ABO_ANSWERS.get(abo), "Group " + abo);
        } else {
            answer = new Coding(FhirSystems.LOINC, rhPositive ? "LA6576-8" : "LA6577-6", rhPositive ? "Positive" : "Negative");
        }
        return new CodeableConcept(answer).setText(written);
    }
}
