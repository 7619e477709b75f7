package org.musubi.research;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who is in a cohort. Every part left empty is no condition. A person is in when they have a Condition whose ICD-10
 * code starts with one of {@code diagnoses} (dots ignored), and a MedicationRequest, MedicationStatement or
 * MedicationDispense whose YJ or HOT code starts with one of {@code medications}, each dated (clinical date) within
 * {@code from}–{@code to} when given; are aged {@code ageFrom}–{@code ageTo} (both included) on {@code ageAt} (else on
 * {@code to}, else today); of {@code sex}; and whose registered address names {@code municipality}.
 */
public record Criteria(List<String> diagnoses, List<String> medications, Integer ageFrom, Integer ageTo,
                       LocalDate ageAt, String sex, String municipality, LocalDate from, LocalDate to) {

    private static final Pattern ICD10 = Pattern.compile("[A-Z][0-9A-Z]{0,6}");
    private static final Pattern DRUG = Pattern.compile("[0-9A-Z]{1,13}");
    public static final Set<String> SEXES = Set.of("MALE", "FEMALE", "OTHER", "UNKNOWN");
    public static final int MAX_CODES = 50;

    /** Normalises (NFKC, upper case, dots off, blanks dropped); throws {@link Invalid} naming the field at fault. */
    public Criteria {
        diagnoses = codes(diagnoses, ICD10, "diagnoses");
        medications = codes(medications, DRUG, "medications");
        if ((ageFrom != null && (ageFrom < 0 || ageFrom > 150)) || (ageTo != null && (ageTo < 0 || ageTo > 150))
                || (ageFrom != null && ageTo != null && ageFrom > ageTo)) {
            throw new Invalid("age");
        }
        sex = sex == null || sex.isBlank() ? null : sex.strip();
        if (sex != null && !SEXES.contains(sex)) {
            throw new Invalid("sex");
        }
        municipality = municipality == null || municipality.isBlank() ? null
                : Normalizer.normalize(municipality, Normalizer.Form.NFKC).strip();
        if (municipality != null && municipality.length() > 40) {
            throw new Invalid("municipality");
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new Invalid("period");
        }
    }

    public static Criteria none() {
        return new Criteria(List.of(), List.of(), null, null, null, null, null, null, null);
    }

    /** A field that cannot be read; its name is the message. */
    public static final class Invalid extends RuntimeException {
        public Invalid(String field) {
            super(field, null, false, false);
        }
    }

    /** Splits a text field (commas, blanks) into codes. */
    public static List<String> split(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return List.of(Normalizer.normalize(text, Normalizer.Form.NFKC).split("[\\s,、]+")).stream()
                .filter(s -> !s.isBlank()).toList();
    }

    private static List<String> codes(List<String> given, Pattern pattern, String field) {
        if (given == null) {
            return List.of();
        }
        Set<String> codes = new LinkedHashSet<>();
        for (String code : given) {
            String c = Normalizer.normalize(code, Normalizer.Form.NFKC).strip().toUpperCase(Locale.ROOT).replace(".", "");
            if (c.isEmpty()) {
                continue;
            }
            if (!pattern.matcher(c).matches()) {
                throw new Invalid(field);
            }
            codes.add(c);
        }
        if (codes.size() > MAX_CODES) {
            throw new Invalid(field);
        }
        return List.copyOf(codes);
    }

    /** The index keys of the diagnoses (one group: any of them). */
    public List<String> diagnosisKeys() {
        return diagnoses.stream().map(c -> "icd:" + c).toList();
    }

    /** The index keys of the medications: a code may be YJ or HOT. */
    public List<String> medicationKeys() {
        List<String> keys = new ArrayList<>();
        medications.forEach(c -> {
            keys.add("yj:" + c);
            keys.add("hot:" + c);
        });
        return keys;
    }

    /** The day ages are taken on. */
    public LocalDate ageDay(LocalDate today) {
        return ageAt != null ? ageAt : to != null ? to : today;
    }

    public String text() {
        List<String> parts = new ArrayList<>();
        if (!diagnoses.isEmpty()) {
            parts.add("icd10=" + String.join("|", diagnoses));
        }
        if (!medications.isEmpty()) {
            parts.add("drug=" + String.join("|", medications));
        }
        if (ageFrom != null || ageTo != null) {
            parts.add("age=" + (ageFrom == null ? "" : ageFrom) + "-" + (ageTo == null ? "" : ageTo)
                    + (ageAt == null ? "" : "@" + ageAt));
        }
        if (sex != null) {
            parts.add("sex=" + sex);
        }
        if (municipality != null) {
            parts.add("municipality=" + municipality);
        }
        if (from != null || to != null) {
            parts.add("period=" + (from == null ? "" : from) + ".." + (to == null ? "" : to));
        }
        return parts.isEmpty() ? "all" : String.join(" ", parts);
    }
}
