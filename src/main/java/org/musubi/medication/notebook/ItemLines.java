package org.musubi.medication.notebook;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.record.fhir.medication.MedicationConcept;

/**
 * The records before the dispensing blocks: patient notes (2) from AllergyIntolerance (1 allergy,
 * 2 when the type is intolerance), Condition (3 past history) and the "other" DocumentReference (9);
 * OTC drugs (3, numbered, with their 31 ingredients) from MedicationStatement; memos (4) from their
 * DocumentReference. The creator (作成者) is the one the mapping kept ({@link Creators}); for what came from elsewhere
 * 1 (医療関係者), but for an OTC drug the patient reported ({@code patientspecified}, as the health notebook stores one
 * entered by the resident or their proxy): 2 (患者等).
 */
final class ItemLines {

    private ItemLines() {
    }

    public static String allergy(AllergyIntolerance allergy) {
        String type = allergy.getType() == AllergyIntolerance.AllergyIntoleranceType.INTOLERANCE ? "2" : "1";
        return RecordLine.of(2).text(type).text(FhirValues.text(allergy.getCode())).text(Creators.of(allergy, "1")).toString();
    }

    public static String history(Condition condition) {
        return RecordLine.of(2).text("3").text(FhirValues.text(condition.getCode())).text(Creators.of(condition, "1"))
                .toString();
    }

    /** A memo (4) or an "other" note (2, type 9); null for a DocumentReference of neither kind. */
    public static String document(DocumentReference document) {
        String kind = FhirValues.coding(document.getType(), FhirSystems.JAHIS_RECORD).map(c -> c.getCode()).orElse("");
        Attachment attachment = document.getContentFirstRep().getAttachment();
        String text = attachment.hasData() ? new String(attachment.getData(), StandardCharsets.UTF_8) : "";
        String creator = Creators.of(document, "1");
        return switch (kind) {
            case JahisSystems.MEMO -> RecordLine.of(4).text(text)
                    .date(attachment.hasCreation() ? FhirValues.day(attachment.getCreationElement()) : null).text(creator)
                    .toString();
            case JahisSystems.OTHER_NOTE -> RecordLine.of(2).text("9").text(text).text(creator).toString();
            default -> null;
        };
    }

    /** Whether a DocumentReference is a note of a dispensing block without drugs (written in its block). */
    public static boolean isBlockNote(DocumentReference document) {
        return NoteBlocks.isBlockNote(document);
    }

    /** Record 3 numbered {@code sequence}, followed by its 31 ingredients. */
    public static List<String> otc(MedicationStatement statement, int sequence) {
        CodeableConcept drug = MedicationConcept.stated(statement);
        Medication medication = null;
        if (drug == null && statement.hasMedicationReference()) {
            medication = FhirValues.resolve(statement, statement.getMedicationReference())
                    .filter(Medication.class::isInstance).map(Medication.class::cast).orElse(null);
            drug = medication == null ? null : medication.getCode();
        }
        var period = statement.hasEffectivePeriod() ? statement.getEffectivePeriod() : null;
        List<String> lines = new ArrayList<>();
        lines.add(RecordLine.of(3).text(FhirValues.text(drug))
                .date(period == null ? null : FhirValues.day(period.getStartElement()))
                .date(period == null ? null : FhirValues.day(period.getEndElement()))
                .text(creator(statement)).text(String.valueOf(sequence))
                .text(FhirValues.coding(drug, JahisSystems.GTIN).map(c -> c.getCode()).orElse("")).toString());
        if (medication != null) {
            for (Medication.MedicationIngredientComponent ingredient : medication.getIngredient()) {
                CodeableConcept item = ingredient.hasItemCodeableConcept() ? ingredient.getItemCodeableConcept() : null;
                String code = FhirValues.coding(item, FhirSystems.JAHIS_INGREDIENT_CODE).map(c -> c.getCode()).orElse("");
                lines.add(RecordLine.of(31).text(String.valueOf(sequence)).text(FhirValues.text(item))
                        .text(code.isEmpty() ? "1" : "2").text(code).text(Creators.of(ingredient, creator(statement)))
                        .toString());
            }
        }
        return lines;
    }

    /** The 作成者 kept; else 2 (患者等) for a statement of category {@code patientspecified}, 1 (医療関係者) otherwise. */
    private static String creator(MedicationStatement statement) {
        return Creators.of(statement, FhirValues.coding(statement.getCategory(), FhirSystems.MEDICATION_STATEMENT_CATEGORY)
                .filter(c -> "patientspecified".equals(c.getCode())).isPresent() ? "2" : "1");
    }
}
