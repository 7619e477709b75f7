package org.musubi.surveillance;

import java.util.List;
import java.util.Locale;

/**
 * A syndrome counted by the surveillance, as the table {@code surveillance_syndrome} holds it: its code, its names,
 * the ICD-10 codes or prefixes and 傷病名マスター codes that count towards it, and its alert setting (k of the
 * baseline's standard deviations, and the least count that alerts at all).
 */
public record Syndrome(String code, String nameJa, String nameEn, List<String> icd10, List<String> diseaseCodes,
                       double k, int minCount) {

    public Syndrome {
        icd10 = List.copyOf(icd10);
        diseaseCodes = List.copyOf(diseaseCodes);
    }

    /** The name in the page's language: English for English, Japanese otherwise. */
    public String name(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameJa;
    }

    /** Whether an ICD-10 code (with or without its dot) is one of this syndrome's codes or starts with one. */
    public boolean matchesIcd10(String code) {
        if (code == null) {
            return false;
        }
        String plain = code.replace(".", "").strip().toUpperCase(Locale.ROOT);
        return icd10.stream().map(c -> c.replace(".", "")).anyMatch(plain::startsWith);
    }
}
