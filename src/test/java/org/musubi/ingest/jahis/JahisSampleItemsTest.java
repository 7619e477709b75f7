package org.musubi.ingest.jahis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.musubi.ingest.jahis.JahisFiles.contained;
import static org.musubi.ingest.jahis.JahisFiles.parsed;
import static org.musubi.ingest.jahis.JahisFiles.readSample;
import static org.musubi.ingest.jahis.JahisFiles.resources;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.AllergyIntolerance.AllergyIntoleranceCategory;
import org.hl7.fhir.r4.model.AllergyIntolerance.AllergyIntoleranceType;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.MedicationStatement.MedicationStatementStatus;
import org.junit.jupiter.api.Test;
import org.musubi.medication.notebook.NoteRecords;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.ParseResult.Parsed;

/** Patient notes, OTC drugs and memos of the shared samples, each its own record. */
class JahisSampleItemsTest {

    @Test
    void mapsAllergyAndAdverseReactionNotesToAllergyIntolerancesWithGuessedCategories() {
        List<AllergyIntolerance> allergies = resources(readSample("tc-output-category-2-full.txt"), AllergyIntolerance.class);

        assertThat(allergies).extracting(a -> a.getCode().getText(), AllergyIntolerance::getType,
                        a -> a.getCategory().getFirst().getValue())
                .containsExactly(tuple("乳製品", AllergyIntoleranceType.ALLERGY, AllergyIntoleranceCategory.FOOD),
                        tuple("セフェム系（発熱）", AllergyIntoleranceType.INTOLERANCE, AllergyIntoleranceCategory.MEDICATION));
        assertThat(allergies).allSatisfy(a -> {
            assertThat(a.getClinicalStatus().getCodingFirstRep().getCode()).isEqualTo("active");
            assertThat(a.getPatient().getReference()).isEqualTo("urn:source:Patient");
        });
    }

    @Test
    void leavesTheCategoryOfAnAllergyNoteWithoutTellingWordsOpen() {
        AllergyIntolerance allergy = resources(readSample("tc-supported-records-full.txt"), AllergyIntolerance.class).getFirst();

        assertThat(allergy.getCode().getText()).isEqualTo("アレルギー歴あり");
        assertThat(allergy.hasCategory()).isFalse();
    }

    @Test
    void mapsAnOtcDrugWithEraDatesToACompletedStatementWithItsIngredient() {
        List<ParseResult> results = readSample("tc-output-category-2-full.txt");
        MedicationStatement otc = resources(results, MedicationStatement.class).getFirst();

        assertThat(otc.getStatus()).isEqualTo(MedicationStatementStatus.COMPLETED);
        assertThat(otc.getEffectivePeriod().getStartElement().getValueAsString()).isEqualTo("2020-04-06");
        assertThat(otc.getEffectivePeriod().getEndElement().getValueAsString()).isEqualTo("2020-04-09");
        Medication medication = contained(otc, "otc", Medication.class);
        assertThat(medication.getCode().getText()).isEqualTo("バファリン");
        assertThat(medication.getCode().hasCoding()).as("no JAN code").isFalse();
        assertThat(medication.getIngredient()).extracting(i -> i.getItemCodeableConcept().getText(),
                i -> i.getItemCodeableConcept().getCodingFirstRep().getCode()).containsExactly(tuple("イブプロフェン", "1149001"));
        assertThat(parsed(results)).filteredOn(p -> p.recordKey().startsWith("jahis:otc:")).singleElement()
                .satisfies(p -> assertThat(p.where().line()).isEqualTo(5));
    }

    @Test
    void keepsBothIngredientsAndTheJanCodeOfTheOtcSample() {
        List<ParseResult> results = readSample("tc-with-otc-components-and-remaining-medicine.txt");
        MedicationStatement otc = resources(results, MedicationStatement.class).getFirst();

        Medication medication = contained(otc, "otc", Medication.class);
        assertThat(medication.getCode().getCodingFirstRep()).extracting(Coding::getSystem, Coding::getCode)
                .containsExactly("https://www.gs1.org/gtin", "4987107609229");
        assertThat(medication.getIngredient()).extracting(i -> i.getItemCodeableConcept().getText())
                .containsExactly("イブプロフェン", "アセトアミノフェン");
        MedicationDispense dispense = resources(results, MedicationDispense.class).getFirst();
        assertThat(dispense.getNote()).extracting(NoteRecords::of, Annotation::getText)
                .containsExactly(tuple(421, "ロキソプロフェンが10錠残薬。症状改善による自己判断で服用中断。"));
        assertThat(dispense.getPerformer()).as("no 15 in the block").hasSize(1);
    }

    @Test
    void keepsTheMemoAsATextDocumentWithItsInputDate() {
        List<ParseResult> results = readSample("tc-supported-records-full.txt");
        DocumentReference memo = resources(results, DocumentReference.class).getFirst();

        assertThat(memo.getType().getCodingFirstRep().getCode()).isEqualTo("4");
        assertThat(new String(memo.getContentFirstRep().getAttachment().getData(), StandardCharsets.UTF_8))
                .isEqualTo("食後に体調を記録してください");
        assertThat(memo.getContentFirstRep().getAttachment().getCreationElement().getValueAsString()).isEqualTo("2026-03-10");
        assertThat(parsed(results)).extracting(Parsed::recordKey).filteredOn(k -> k.startsWith("jahis:memo:")).hasSize(1);
    }
}
