package org.musubi.ingest.jahis.mapping;

import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.HumanName;
import org.musubi.ingest.adapter.NameSplit;
import org.musubi.record.fhir.FhirSystems;

/**
 * A JAHIS name (one field, family name first) split at its first space, half-width or full-width:
 * {@code 山田 太郎} is family 山田, given 太郎; a name without a space is all family name, unless the other form of the
 * same name tells where it splits ({@link #agreeingWith}). The checkup and receipt (UKE) readers split names the same
 * way.
 *
 * @param written the name as sent, when its parts were found without a space in it ({@link #agreeingWith}): the
 *     FHIR name's text keeps it; null otherwise
 */
public record PersonName(String family, String given, String written) {

    public PersonName(String family, String given) {
        this(family, given, null);
    }

    public static PersonName split(String full) {
        int space = NameSplit.firstSpace(full);
        if (space < 0) {
            return new PersonName(full, null);
        }
        String given = full.substring(space + 1).strip();
        return new PersonName(full.substring(0, space).strip(), given.isEmpty() ? null : given);
    }

    /**
     * This name, or — when it came in one piece ({@code テストハンヨウ}) — its parts where the other form of the same
     * name ({@code other}: the kanji name of a kana name, or the reverse) agrees with a split ({@link NameSplit}); left
     * whole when it does not.
     */
    public PersonName agreeingWith(PersonName other) {
        if (given != null || other == null) {
            return this;
        }
        return NameSplit.of(family, other.family(), other.given())
                .map(parts -> new PersonName(parts.family(), parts.given(), family.strip())).orElse(this);
    }

    /**
     * The FHIR name: text as JP Core writes it (family, one half-width space, given; or as sent, when the parts were
     * found without a space), its parts, and the iso21090-EN-representation {@code form} (IDE kanji, SYL kana) when
     * given.
     */
    public HumanName toHumanName(String form) {
        String text = written != null ? written : given == null ? family : family + " " + given;
        HumanName name = new HumanName().setUse(HumanName.NameUse.OFFICIAL).setText(text).setFamily(family);
        if (given != null) {
            name.addGiven(given);
        }
        if (form != null) {
            name.addExtension(FhirSystems.NAME_REPRESENTATION, new CodeType(form));
        }
        return name;
    }
}
