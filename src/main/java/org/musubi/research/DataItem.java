package org.musubi.research;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.musubi.policy.DataCategory;

/**
 * What a researcher asks for within a data category, in words they know (病名, 発症日, 検査の値 …), and the top-level
 * elements of the category's resources it stands for — the fields an approved extraction keeps
 * ({@link Scope#fields()}, {@code deid.DeidPipeline#keepingOnly}). The application form offers these, never FHIR
 * element names; a scope's fields are read back into them ({@link #of}), so every page names them the same way. An
 * item's name is the message key {@code research.item.<NAME>}; within a category the items' elements do not overlap.
 */
public enum DataItem {
    ENCOUNTER_CLASS(DataCategory.ENCOUNTERS, "class"),
    ENCOUNTER_TYPE(DataCategory.ENCOUNTERS, "type", "serviceType"),
    ENCOUNTER_PERIOD(DataCategory.ENCOUNTERS, "period", "length"),
    ENCOUNTER_REASON(DataCategory.ENCOUNTERS, "reasonCode"),
    ENCOUNTER_HOSPITALIZATION(DataCategory.ENCOUNTERS, "hospitalization"),
    DIAGNOSIS_CODE(DataCategory.DIAGNOSES, "code"),
    DIAGNOSIS_ONSET(DataCategory.DIAGNOSES, "onsetDateTime", "onsetPeriod", "onsetAge", "onsetString"),
    DIAGNOSIS_END(DataCategory.DIAGNOSES, "abatementDateTime", "abatementPeriod", "abatementAge", "abatementString"),
    DIAGNOSIS_STATUS(DataCategory.DIAGNOSES, "clinicalStatus", "verificationStatus"),
    DIAGNOSIS_RECORDED(DataCategory.DIAGNOSES, "recordedDate"),
    DIAGNOSIS_DETAIL(DataCategory.DIAGNOSES, "category", "severity", "bodySite"),
    ALLERGY_SUBSTANCE(DataCategory.ALLERGIES, "code"),
    ALLERGY_KIND(DataCategory.ALLERGIES, "type", "category", "criticality"),
    ALLERGY_REACTION(DataCategory.ALLERGIES, "reaction"),
    ALLERGY_STATUS(DataCategory.ALLERGIES, "clinicalStatus", "verificationStatus"),
    ALLERGY_DATE(DataCategory.ALLERGIES, "onsetDateTime", "onsetPeriod", "recordedDate"),
    MEDICINE(DataCategory.MEDICATIONS, "medicationCodeableConcept", "medicationReference"),
    MEDICATION_DOSAGE(DataCategory.MEDICATIONS, "dosageInstruction", "dosage", "dispenseRequest", "quantity",
            "daysSupply"),
    MEDICATION_DATE(DataCategory.MEDICATIONS, "authoredOn", "whenPrepared", "whenHandedOver", "effectiveDateTime",
            "effectivePeriod", "dateAsserted"),
    MEDICATION_STATUS(DataCategory.MEDICATIONS, "status", "intent", "category"),
    MEDICATION_REASON(DataCategory.MEDICATIONS, "reasonCode"),
    LAB_TEST(DataCategory.LAB_RESULTS, "code"),
    LAB_VALUE(DataCategory.LAB_RESULTS, "valueQuantity", "valueCodeableConcept", "valueString", "valueBoolean",
            "valueInteger", "valueRange", "valueRatio", "component", "dataAbsentReason", "conclusion"),
    LAB_RANGE(DataCategory.LAB_RESULTS, "referenceRange", "interpretation"),
    LAB_DATE(DataCategory.LAB_RESULTS, "effectiveDateTime", "effectivePeriod", "issued"),
    LAB_STATUS(DataCategory.LAB_RESULTS, "status", "category"),
    VITAL_ITEM(DataCategory.VITALS, "code"),
    VITAL_VALUE(DataCategory.VITALS, "valueQuantity", "component", "dataAbsentReason"),
    VITAL_DATE(DataCategory.VITALS, "effectiveDateTime", "effectivePeriod"),
    PROCEDURE_CODE(DataCategory.PROCEDURES, "code"),
    PROCEDURE_DATE(DataCategory.PROCEDURES, "performedDateTime", "performedPeriod"),
    PROCEDURE_DETAIL(DataCategory.PROCEDURES, "status", "category", "bodySite", "outcome"),
    VACCINE(DataCategory.IMMUNIZATIONS, "vaccineCode"),
    VACCINATION_DATE(DataCategory.IMMUNIZATIONS, "occurrenceDateTime", "occurrenceString"),
    VACCINATION_DETAIL(DataCategory.IMMUNIZATIONS, "status", "doseQuantity", "protocolApplied", "route", "site");

    private final DataCategory category;
    private final List<String> elements;

    DataItem(DataCategory category, String... elements) {
        this.category = category;
        this.elements = List.of(elements);
    }

    public DataCategory category() {
        return category;
    }

    /** The top-level elements it stands for (the fields kept). */
    public List<String> elements() {
        return elements;
    }

    /** The message key of its name. */
    public String messageKey() {
        return "research.item." + name();
    }

    /** The items of a category, in the form's order. */
    public static List<DataItem> of(DataCategory category) {
        return Arrays.stream(values()).filter(i -> i.category == category).toList();
    }

    /** The item of a category by its name; empty for a name that is no item of it. */
    public static Optional<DataItem> named(DataCategory category, String name) {
        return of(category).stream().filter(i -> i.name().equals(name)).findFirst();
    }

    /** The fields (elements) of these items, in order, each once. */
    public static List<String> fields(List<DataItem> items) {
        Set<String> fields = new LinkedHashSet<>();
        items.forEach(i -> fields.addAll(i.elements));
        return List.copyOf(fields);
    }

    /** What a category's fields read as: the items any of whose elements they name, and the fields no item names. */
    public record Read(List<DataItem> items, List<String> others) {
    }

    /** A category's fields (as stored) read back into items. */
    public static Read read(DataCategory category, List<String> fields) {
        List<DataItem> items = of(category).stream().filter(i -> i.elements.stream().anyMatch(fields::contains))
                .toList();
        List<String> others = fields.stream().filter(f -> items.stream().noneMatch(i -> i.elements.contains(f)))
                .toList();
        return new Read(items, others);
    }
}
