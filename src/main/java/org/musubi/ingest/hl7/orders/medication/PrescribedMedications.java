package org.musubi.ingest.hl7.orders.medication;

import java.util.List;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Ratio;
import org.hl7.fhir.r4.model.Reference;
import org.musubi.ingest.hl7.Hl7Segment;
import org.musubi.ingest.hl7.Hl7Values;
import org.musubi.ingest.hl7.MessageInput;
import org.musubi.ingest.hl7.MessageRejected;
import org.musubi.ingest.hl7.orders.segments.OrderProblems;
import org.musubi.record.fhir.FhirSystems;

/**
 * What is prescribed. Without RXC, RXE-2 is the drug (HOT9, YJ … as medicationCodeableConcept). With RXC
 * (an injection mixed from several drugs), RXE-2 is the injection kind (JHSI 0002, e.g. {@code 00 一般},
 * which becomes a category) and each RXC (base or additive, in message order) is an ingredient of a
 * contained JP_Medication: RXC-2 the drug, RXC-3/4 the amount per administration (JP Core's injection
 * example form: strength amount per 1 回), RXE-6 the dosage form. A drug with neither code nor text
 * rejects the message naming RXE-2 (or the RXC's RXC-2).
 */
final class PrescribedMedications {

    static final String DRUG_NO = "http://jpfhir.jp/fhir/core/Extension/StructureDefinition/JP_Medication_Ingredient_DrugNo";

    private PrescribedMedications() {
    }

    static void apply(MessageInput input, PrescribedDrug drug, MedicationRequest request) throws MessageRejected {
        Hl7Segment rxe = drug.rxe();
        List<Hl7Segment> components = drug.drug().all("RXC");
        var code = Hl7Values.concept(rxe.field(2));
        if (components.isEmpty()) {
            request.setMedication(code.orElseThrow(() -> OrderProblems.rejected(input, rxe, 2, "rx.noDrug", "RXE-2")));
            return;
        }
        code.ifPresent(request::addCategory);
        Medication medication = new Medication();
        medication.setId("medication");
        medication.getMeta().addProfile(FhirSystems.JP_MEDICATION);
        Hl7Values.concept(rxe.field(6)).map(Merit9Tables::form).ifPresent(medication::setForm);
        int number = 0;
        for (Hl7Segment rxc : components) {
            ingredient(input, rxc, ++number, medication);
        }
        request.addContained(medication);
        request.setMedication(new Reference("#medication"));
    }

    private static void ingredient(MessageInput input, Hl7Segment rxc, int number, Medication medication) throws MessageRejected {
        var ingredient = medication.addIngredient();
        ingredient.setItem(Hl7Values.concept(rxc.field(2))
                .orElseThrow(() -> OrderProblems.rejected(input, rxc, 2, "rx.noDrug", "RXC-2")));
        ingredient.addExtension(DRUG_NO, new IntegerType(number));
        Quantity amount = Quantities.of(input, rxc, 3, rxc.field(4));
        if (amount != null) {
            Quantity once = new Quantity().setValue(1).setUnit("回").setSystem(FhirSystems.MERIT9_UNIT).setCode("TIME");
            ingredient.setStrength(new Ratio().setNumerator(amount).setDenominator(once));
        }
    }
}
