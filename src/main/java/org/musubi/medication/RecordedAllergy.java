package org.musubi.medication;

/**
 * An allergy or intolerance as recorded, for the allergy–drug alerts: its words (a drug, an ingredient, a class, with
 * the reaction as the sender wrote it) and who recorded it (a facility's name, or the person's own 命の宝箱).
 */
public record RecordedAllergy(String name, String source) {
}
