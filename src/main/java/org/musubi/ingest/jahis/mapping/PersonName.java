package org.musubi.ingest.jahis.mapping;

import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.HumanName;
import org.musubi.record.fhir.FhirSystems;

/**
 * A JAHIS name (one field, family name first) split at its first space, half-width or full-width:
 * {@code 山田 太郎} is family 山田, given 太郎; a name without a space is all family name. The checkup reader splits
 * a 特定健診 examinee's names the same way.
 */
public record PersonName(String family, String given) {

    public static PersonName split(String full) {
        int half = full.indexOf(' ');
        int wide = full.indexOf('\u3000');
        int space = half < 0 ? wide : wide < 0 ? half : Math.min(half, wide);
        if (space < 0) {
            return new PersonName(full, null);
        }
        String given = full.substring(space + 1).strip();
        return new PersonName(full.substring(0, space).strip(), given.isEmpty() ? null : given);
    }

    /**
     * The FHIR name: text as JP Core writes it (family, one half-width space, given), its parts, and
     * the iso21090-EN-representation {@code form} (IDE kanji, SYL kana) when given.
     */
    public HumanName toHumanName(String form) {
        HumanName name = new HumanName().setUse(HumanName.NameUse.OFFICIAL)
                .setText(given == null ? family : family + " " + given).setFamily(family);
        if (given != null) {
            name.addGiven(given);
        }
        if (form != null) {
            name.addExtension(FhirSystems.NAME_REPRESENTATION, new CodeType(form));
        }
        return name;
    }
}
