package org.musubi.ingest.ssmix2.mapping;

import java.util.Optional;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.AllergyIntolerance.AllergyIntoleranceCategory;
import org.hl7.fhir.r4.model.AllergyIntolerance.AllergyIntoleranceCriticality;
import org.hl7.fhir.r4.model.AllergyIntolerance.AllergyIntoleranceSeverity;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.musubi.ingest.adapter.SourceRefs;
import org.musubi.ingest.hl7.Hl7Field;
import org.musubi.ingest.hl7.Hl7Values;
import org.musubi.record.fhir.FhirSystems;

/**
 * JP Core AllergyIntolerance from the parts AL1 (ADT-00) and IAM (ADT-61) share: allergen type
 * (HL7 table 0127), allergen (JLAC10 allergen code, HOT drug code or local code), severity (table 0128)
 * and the reaction as text. Categories follow the JAMI SS-MIX2→FHIR ConceptMap table-v2-0127
 * (LA pollen and PA plant are environment, AA animal is biologic); MA/MC have no FHIR category.
 */
final class Allergies {


    private Allergies() {
    }

    /** An active allergy to {@code allergen}; empty when the allergen has neither code nor text. */
    static Optional<AllergyIntolerance> of(Hl7Field type, Hl7Field allergen, Hl7Field severity, String reaction) {
        Optional<CodeableConcept> code = Hl7Values.concept(allergen);
        if (code.isEmpty()) {
            return Optional.empty();
        }
        AllergyIntolerance allergy = new AllergyIntolerance();
        allergy.getMeta().addProfile(FhirSystems.JP_ALLERGY_INTOLERANCE);
        allergy.setClinicalStatus(new CodeableConcept().addCoding(new Coding(FhirSystems.ALLERGY_CLINICAL, "active", "Active")));
        category(type.component(1)).ifPresent(allergy::addCategory);
        allergy.setCode(code.get());
        allergy.setPatient(SourceRefs.patient());
        criticality(severity.component(1)).ifPresent(allergy::setCriticality);
        if (!reaction.isBlank()) {
            var event = allergy.addReaction();
            event.addManifestation().setText(reaction.strip());
            event.setDescription(reaction.strip());
            reactionSeverity(severity.component(1)).ifPresent(event::setSeverity);
        }
        return Optional.of(allergy);
    }

    /** The local part of an allergy's source key: allergen type and allergen code (or its text). */
    static String localKey(Hl7Field type, Hl7Field allergen) {
        String code = allergen.component(1).isEmpty() ? allergen.component(2) : allergen.component(1);
        return type.component(1) + ":" + code;
    }

    static Optional<AllergyIntoleranceCategory> category(String code) {
        return Optional.ofNullable(switch (code) {
            case "DA" -> AllergyIntoleranceCategory.MEDICATION;
            case "FA" -> AllergyIntoleranceCategory.FOOD;
            case "EA", "LA", "PA" -> AllergyIntoleranceCategory.ENVIRONMENT;
            case "AA" -> AllergyIntoleranceCategory.BIOLOGIC;
            default -> null;
        });
    }

    private static Optional<AllergyIntoleranceCriticality> criticality(String code) {
        return Optional.ofNullable(switch (code) {
            case "SV" -> AllergyIntoleranceCriticality.HIGH;
            case "MO", "MI" -> AllergyIntoleranceCriticality.LOW;
            case "U" -> AllergyIntoleranceCriticality.UNABLETOASSESS;
            default -> null;
        });
    }

    private static Optional<AllergyIntoleranceSeverity> reactionSeverity(String code) {
        return Optional.ofNullable(switch (code) {
            case "SV" -> AllergyIntoleranceSeverity.SEVERE;
            case "MO" -> AllergyIntoleranceSeverity.MODERATE;
            case "MI" -> AllergyIntoleranceSeverity.MILD;
            default -> null;
        });
    }
}
