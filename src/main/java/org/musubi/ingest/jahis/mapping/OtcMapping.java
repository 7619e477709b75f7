package org.musubi.ingest.jahis.mapping;

import java.time.LocalDate;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.musubi.ingest.jahis.records.JahisRecord.Otc;
import org.musubi.ingest.jahis.records.JahisRecord.OtcIngredient;
import org.musubi.ingest.jahis.records.OtcItem;
import org.musubi.ingest.adapter.SourceRefs;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.medication.notebook.Creators;
import org.musubi.medication.notebook.JahisSystems;

/**
 * An OTC drug (3) as JP_MedicationStatement: the drug as text with its JAN code (a GTIN-13), the
 * period it was taken, and status completed once its end date has passed (active before). With
 * ingredients (31) the drug is a contained JP_Medication listing them (成分名コード under a Musubi URN:
 * the self-medication database centre publishes no FHIR system). The 作成者 ({@link Creators}) is kept on the
 * statement and each ingredient; a drug the patient recorded (2) has the patient as its information source and the
 * category {@code patientspecified}.
 */
final class OtcMapping {

    private OtcMapping() {
    }

    static MedicationStatement map(OtcItem item, LocalDate today) {
        Otc otc = item.otc();
        MedicationStatement statement = new MedicationStatement();
        statement.getMeta().addProfile(JahisSystems.STATEMENT_PROFILE);
        statement.setStatus(otc.end() != null && otc.end().isBefore(today)
                ? MedicationStatement.MedicationStatementStatus.COMPLETED
                : MedicationStatement.MedicationStatementStatus.ACTIVE);
        CodeableConcept drug = new CodeableConcept().setText(otc.name());
        if (!otc.janCode().isEmpty()) {
            drug.addCoding(new Coding(JahisSystems.GTIN, otc.janCode(), otc.name()));
        }
        if (item.ingredients().isEmpty()) {
            statement.setMedication(drug);
        } else {
            statement.addContained(medication(drug, item));
            statement.setMedication(new Reference("#otc"));
        }
        statement.setSubject(SourceRefs.patient());
        Creators.mark(statement, otc.creator());
        statement.setInformationSource(CreatorParties.party(otc.creator()));
        if (Creators.PATIENT.equals(otc.creator())) {
            statement.setCategory(new CodeableConcept(new Coding(FhirSystems.MEDICATION_STATEMENT_CATEGORY, "patientspecified",
                    "Patient Specified")));
        }
        if (otc.start() != null || otc.end() != null) {
            Period period = new Period();
            if (otc.start() != null) {
                period.setStartElement(Notes.day(otc.start()));
            }
            if (otc.end() != null) {
                period.setEndElement(Notes.day(otc.end()));
            }
            statement.setEffective(period);
        }
        return statement;
    }

    private static Medication medication(CodeableConcept drug, OtcItem item) {
        Medication medication = new Medication().setCode(drug);
        medication.setId("otc");
        medication.getMeta().addProfile(FhirSystems.JP_MEDICATION);
        for (OtcIngredient ingredient : item.ingredients()) {
            CodeableConcept substance = new CodeableConcept().setText(ingredient.name());
            if ("2".equals(ingredient.codeType()) && !ingredient.code().isEmpty()) {
                substance.addCoding(new Coding(FhirSystems.JAHIS_INGREDIENT_CODE, ingredient.code(), ingredient.name()));
            }
            Creators.mark(medication.addIngredient().setItem(substance), ingredient.creator());
        }
        return medication;
    }
}
