package org.musubi.letters.clins;

/**
 * The six items of the national service's 6情報 (電子カルテ情報共有サービス), each sent as its own JP-CLINS collection
 * Bundle whose {@code meta.tag} names its resource type.
 */
public enum ClinsItem {

    DIAGNOSES("傷病名", "Diagnoses", "Condition", "DX"),
    ALLERGIES("アレルギー", "Allergies", "AllergyIntolerance", "AL"),
    /** Drug contraindications: AllergyIntolerance of category {@code medication}. */
    DRUG_CONTRAINDICATIONS("薬剤禁忌", "Drug contraindications", "AllergyIntolerance", "CI"),
    /** Infection labs ({@link InfectionLabs}). */
    INFECTIONS("感染症", "Infections", "Observation", "IN"),
    /** Every other lab result. */
    LABS("検査", "Lab results", "Observation", "LB"),
    PRESCRIPTIONS("処方", "Prescriptions", "MedicationRequest", "RX");

    private final String japanese;
    private final String english;
    private final String resourceType;
    private final String code;

    ClinsItem(String japanese, String english, String resourceType, String code) {
        this.japanese = japanese;
        this.english = english;
        this.resourceType = resourceType;
        this.code = code;
    }

    /** The two letters that name the item in its Bundle's identifier. */
    public String code() {
        return code;
    }

    public String japanese() {
        return japanese;
    }

    public String english() {
        return english;
    }

    /** The FHIR type of its resources (and the code of its Bundle's {@code BundleResourceType_CS} tag). */
    public String resourceType() {
        return resourceType;
    }
}
