package org.musubi.publish;

import org.musubi.record.fhir.Loinc;

/**
 * The kind of a document published by hand, shown through the labels {@code publish.kind.<name>}; coded in Musubi's
 * CodeSystem {@link PublishRecords#DOCUMENT_KIND} and, where LOINC has the document's code the project already uses,
 * in LOINC too.
 */
public enum DocumentKind {
    /** A referral letter the facility received on paper (紹介状): LOINC's referral letter. */
    REFERRAL(Loinc.REFERRAL_LETTER),
    /** A discharge summary (退院時サマリー): LOINC's discharge summary. */
    DISCHARGE_SUMMARY(Loinc.DISCHARGE_SUMMARY),
    /** A health checkup's report (健診結果): no LOINC document code used by the project. */
    CHECKUP(null),
    /** Anything else (その他). */
    OTHER(null);

    private final String loinc;

    DocumentKind(String loinc) {
        this.loinc = loinc;
    }

    /** The LOINC document code, or null when none is used. */
    String loinc() {
        return loinc;
    }
}
