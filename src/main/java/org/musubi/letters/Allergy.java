package org.musubi.letters;

/**
 * An allergy or intolerance.
 *
 * @param substance  what the patient reacts to (name and codes)
 * @param category   {@code medication}, {@code food}, {@code environment} or {@code biologic} (FHIR), or {@code null}
 * @param reaction   the reaction as written, or {@code null}
 * @param severe     criticality high
 * @param recordRef  the stored AllergyIntolerance ({@code AllergyIntolerance/12}), or {@code null}
 */
public record Allergy(Coded substance, String category, String reaction, boolean severe, String recordRef) {

    public Allergy {
        if (substance == null) {
            throw new IllegalArgumentException("allergy.substance is required");
        }
    }
}
