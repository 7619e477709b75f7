package org.musubi.record.fhir.condition;

import static org.musubi.record.fhir.FhirJson.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * A Condition's codes: its ICD-10 code and its disease master codes (MEDIS 病名管理番号 and 交換用コード, the receipt's
 * 傷病名コード, any other coding a sender gives). The one reading of {@code Condition.code} by code system, in Java; the
 * database's {@code research_codes(content)} (V84), which feeds the record's code index {@code research_code} that
 * research cohorts and surveillance count from, reads the same systems the same way ({@code ConditionCodesIT} holds the
 * two together).
 */
public final class ConditionCodes {

    private ConditionCodes() {
    }

    /** A coding of a Condition's code: its system (may be null) and code. */
    public record Code(String system, String code) {

        /** Whether the system is an ICD-10 system: its URI names {@code icd-10} or {@code icd10} (any case). */
        public boolean icd10() {
            String s = system == null ? "" : system.toLowerCase(Locale.ROOT);
            return s.contains("icd-10") || s.contains("icd10");
        }
    }

    /** Every coding of {@code concept} with a code, in order. */
    public static List<Code> codes(JsonNode concept) {
        List<Code> codes = new ArrayList<>();
        for (JsonNode coding : concept.path("coding")) {
            String code = text(coding.path("code"));
            if (code != null && !code.isBlank()) {
                codes.add(new Code(text(coding.path("system")), code.strip()));
            }
        }
        return codes;
    }

    /** The Condition's ICD-10 code as its sender wrote it ({@code E11.9}, {@code E119}), or {@code null}. */
    public static String icd10(JsonNode condition) {
        return codes(condition.path("code")).stream().filter(Code::icd10).map(Code::code).findFirst().orElse(null);
    }

    /**
     * An ICD-10 code as the index keeps it and as codes are compared: upper case, without its dot ({@code e11.9} →
     * {@code E119}).
     */
    public static String icd10Key(String code) {
        return code == null ? null : code.replace(".", "").strip().toUpperCase(Locale.ROOT);
    }

    /** The codings that are not ICD-10: the disease masters' codes (and any other the sender gave). */
    public static List<Code> diseaseCodes(JsonNode condition) {
        return codes(condition.path("code")).stream().filter(c -> !c.icd10()).toList();
    }
}
