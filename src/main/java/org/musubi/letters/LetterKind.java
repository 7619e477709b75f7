package org.musubi.letters;

import org.musubi.record.fhir.FhirSystems;
import org.musubi.record.fhir.Loinc;

/**
 * The kind of a letter between facilities. Two have a national form (JP-CLINS, 電子カルテ情報共有サービス): the
 * 診療情報提供書 (LOINC 57133-1) and the 退院時サマリー (LOINC 18842-5). The others have no national standard and are
 * written as a JP Core Composition typed with Musubi's local code ({@link #LOCAL_SYSTEM}, docs/letters.md).
 */
public enum LetterKind {

    /** 診療情報提供書: a referral (紹介状), JP-CLINS eReferral. */
    REFERRAL("診療情報提供書", "Referral letter", Loinc.REFERRAL_LETTER, "referral"),
    /** 退院時サマリー: JP-CLINS eDischargeSummary; may be enclosed in a referral. */
    DISCHARGE_SUMMARY("退院時サマリー", "Discharge summary", Loinc.DISCHARGE_SUMMARY, "discharge-summary"),
    /**
     * 返書 (reply to a referral, 逆紹介's answer). JP-CLINS has no document type of its own for it: written as an
     * eReferral-shaped document would misstate it, so it is a local type whose Composition relates to the letter it
     * answers ({@code relatesTo}).
     */
    REPLY("返書", "Reply to a referral", null, "reply"),
    /** 服薬情報提供書: a pharmacy's report to the prescriber (no national FHIR form). */
    MEDICATION_INFORMATION("服薬情報提供書", "Medication information report", null, "medication-information"),
    /** トレーシングレポート: a pharmacist's non-urgent feedback to the prescriber (no national FHIR form). */
    TRACING_REPORT("トレーシングレポート", "Tracing report", null, "tracing-report"),
    /** 訪問看護指示書: a doctor's order to a home-nursing station (no national FHIR form). */
    HOME_NURSING_ORDER("訪問看護指示書", "Home-visit nursing order", null, "home-nursing-order"),
    /** A free-form information document (診療情報の提供、自由記載). */
    INFORMATION("診療情報文書", "Clinical information document", null, "information");

    /** Musubi's CodeSystem of the local document types (those with no national code). */
    public static final String LOCAL_SYSTEM = FhirSystems.LETTER_TYPE;

    private final String japanese;
    private final String english;
    private final String loinc;
    private final String localCode;

    LetterKind(String japanese, String english, String loinc, String localCode) {
        this.japanese = japanese;
        this.english = english;
        this.loinc = loinc;
        this.localCode = localCode;
    }

    /** The name on the form, in Japanese ({@code 診療情報提供書}). */
    public String japanese() {
        return japanese;
    }

    public String english() {
        return english;
    }

    /** The national document type code (LOINC, as JP-CLINS's doc-typecodes hold it); {@code null} when there is none. */
    public String nationalCode() {
        return loinc;
    }

    /** Whether the kind has a national JP-CLINS form. */
    public boolean national() {
        return loinc != null;
    }

    /** The code in {@link #LOCAL_SYSTEM} (every kind has one; the national ones use theirs only as a tag). */
    public String localCode() {
        return localCode;
    }
}
