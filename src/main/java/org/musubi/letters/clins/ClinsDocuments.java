package org.musubi.letters.clins;

import java.time.LocalDate;
import org.hl7.fhir.r4.model.Bundle;
import org.musubi.letters.Letter;
import org.musubi.letters.LetterKind;
import org.musubi.record.fhir.FhirSystems;

/**
 * A letter as the FHIR document Bundle the national service expects (docs/letters.md):
 * <ul>
 * <li>{@link LetterKind#REFERRAL}: JP-CLINS eReferral ({@code JP_Bundle_eReferral|1}, {@code JP_Composition_eReferral|1},
 * LOINC 57133-1), with an enclosed discharge summary as a Bundle entry referenced from its 添付情報 section;</li>
 * <li>{@link LetterKind#DISCHARGE_SUMMARY}: JP-CLINS eDischargeSummary ({@code JP_Bundle_eDischargeSummary|1},
 * 18842-5);</li>
 * <li>every other kind: a document Bundle ({@code JP_Bundle|1}) of a Composition typed with Musubi's local code
 * ({@link LetterKind#LOCAL_SYSTEM}) and JP Core resources.</li>
 * </ul>
 * The document identifier (Composition.identifier and Bundle.identifier) is {@code <10-digit institution code>^<year of
 * issue>^<letter number>} ({@link #documentId}). Deterministic: the same letter makes the same Bundle.
 *
 * @throws IllegalArgumentException from the builders when the letter cannot make a valid national document (a
 *         discharge summary without a discharge diagnosis coded with a MEDIS 病名管理番号, a referral to a facility
 *         without an institution code)
 */
public final class ClinsDocuments {

    /** The Bundle profile of a referral, with the version JP-CLINS 1.5 asks for. */
    public static final String BUNDLE_REFERRAL = "http://jpfhir.jp/fhir/clins/StructureDefinition/JP_Bundle_eReferral|1";
    public static final String COMPOSITION_REFERRAL =
            "http://jpfhir.jp/fhir/eReferral/StructureDefinition/JP_Composition_eReferral|1";
    public static final String BUNDLE_DISCHARGE =
            "http://jpfhir.jp/fhir/clins/StructureDefinition/JP_Bundle_eDischargeSummary|1";
    public static final String COMPOSITION_DISCHARGE =
            "http://jpfhir.jp/fhir/eDischargeSummary/StructureDefinition/JP_Composition_eDischargeSummary|1";
    /** The generic document Bundle of JP-CLINS, for the local kinds. */
    public static final String BUNDLE_LOCAL = "http://jpfhir.jp/fhir/StructureDefinition/JP_Bundle|1";
    /** JP-CLINS's document type codes (LOINC codes as its own code system names them). */
    public static final String DOC_TYPE = FhirSystems.CLINS_DOC_TYPE;
    public static final String DOC_SUBTYPE = "http://jpfhir.jp/fhir/Common/CodeSystem/doc-subtypecodes";

    private ClinsDocuments() {
    }

    /** The letter's document, by its kind. */
    public static Bundle document(Letter letter) {
        return switch (letter.kind()) {
            case REFERRAL -> ReferralDocument.of(letter);
            case DISCHARGE_SUMMARY -> DischargeSummaryDocument.of(letter);
            default -> LocalDocument.of(letter);
        };
    }

    /**
     * {@code <institution code>^<year>^<number>}: the sender's 10-digit code, the year of issue in Japan, the letter's
     * number ({@code 1311234567^2026^R-000123}). A sender without a code (only for local kinds) uses {@code 0000000000}.
     */
    public static String documentId(Letter letter) {
        String code = letter.sender().institutionCode() == null ? "0000000000" : letter.sender().institutionCode();
        int year = LocalDate.ofInstant(letter.issued(), ClinsParts.JAPAN).getYear();
        return code + "^" + year + "^" + letter.number();
    }
}
