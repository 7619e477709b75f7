package org.musubi.imaging.index;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.musubi.identity.Sex;
import org.musubi.identity.SourcePatient;
import org.musubi.identity.matching.normalize.KanaNormalizer;
import org.musubi.identity.matching.normalize.KanjiNormalizer;

/**
 * What a study says of its patient — PatientName (0010,0010), PatientSex (0010,0040), PatientBirthDate (0010,0030) —
 * and whether that contradicts the facility's patient its PatientID points to. A study that contradicts its patient is
 * not filed under them: it waits for an operator ({@link StudyPatients.Reason#CONTRADICTS_PATIENT}); a mix-up at the
 * modality (a wrong patient picked from the worklist, an ID typed wrong) must not put one person's images into
 * another's record.
 *
 * <p>Only what both sides state is compared, so an absent value never contradicts: the sex when the study says M or F
 * and the patient's sex is known; the birth date when both have one; the name when the study has a group that can be
 * compared with what the facility sent — its ideographic group (漢字) with the kanji name, its phonetic group (かな) with
 * the kana name, and an alphabetic group written in kana (Japanese modalities often put ﾔﾏﾀﾞ^ﾀﾛｳ there) with the kana
 * name; spelling variants are set aside as the 名寄せ matcher sets them aside ({@link KanjiNormalizer},
 * {@link KanaNormalizer}); a name in Latin letters is not compared. The name contradicts when no compared group agrees.
 *
 * @param name      PatientName as sent (a DICOM PN: groups split by {@code =}, components by {@code ^}), or null
 * @param sex       PatientSex as sent, or null
 * @param birthDate PatientBirthDate as sent (YYYYMMDD), or null
 */
public record StudyDemographics(String name, String sex, String birthDate) {

    /** What contradicts, as message keys end ({@code imaging.contradiction.*}). */
    public enum Contradiction { NAME, SEX, BIRTH_DATE }

    public static final StudyDemographics NONE = new StudyDemographics(null, null, null);

    /** Every way the study contradicts {@code patient}, in the order name, sex, birth date; empty when none. */
    public List<Contradiction> contradictions(SourcePatient patient) {
        List<Contradiction> found = new ArrayList<>();
        if (nameContradicts(patient)) {
            found.add(Contradiction.NAME);
        }
        Sex said = sex == null ? null : switch (sex.strip().toUpperCase(java.util.Locale.ROOT)) {
            case "M" -> Sex.MALE;
            case "F" -> Sex.FEMALE;
            default -> null;
        };
        if (said != null && (patient.sex() == Sex.MALE || patient.sex() == Sex.FEMALE) && said != patient.sex()) {
            found.add(Contradiction.SEX);
        }
        Optional<LocalDate> born = date(birthDate);
        if (born.isPresent() && patient.birthDate() != null && !born.get().equals(patient.birthDate())) {
            found.add(Contradiction.BIRTH_DATE);
        }
        return found;
    }

    private boolean nameContradicts(SourcePatient patient) {
        if (name == null || name.isBlank()) {
            return false;
        }
        String kanji = KanjiNormalizer.normalize(patient.nameKanji()).replace(" ", "");
        String kana = KanaNormalizer.normalize(patient.nameKana());
        String[] groups = name.split("=", -1);
        boolean compared = false;
        for (int i = 0; i < groups.length && i < 3; i++) {
            String written = groups[i].replace("^", " ").strip();
            if (written.isEmpty()) {
                continue;
            }
            boolean hasKana = written.codePoints().anyMatch(StudyDemographics::kana);
            boolean ideographic = written.codePoints().anyMatch(StudyDemographics::kanji) || i == 1 && !hasKana;
            boolean phonetic = !ideographic && (hasKana || i == 2);
            if (ideographic && !kanji.isEmpty()) {
                compared = true;
                if (KanjiNormalizer.normalize(written).replace(" ", "").equals(kanji)) {
                    return false;
                }
            } else if (phonetic && !kana.isEmpty()) {
                compared = true;
                if (KanaNormalizer.normalize(written).equals(kana)) {
                    return false;
                }
            }
        }
        return compared;
    }

    private static boolean kanji(int c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    private static boolean kana(int c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HIRAGANA;
    }

    private static Optional<LocalDate> date(String da) {
        if (da == null || !da.strip().matches("\\d{8}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(da.strip(), DateTimeFormatter.BASIC_ISO_DATE));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
