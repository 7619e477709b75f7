package org.musubi.synth.fhir;

import java.util.Date;
import java.util.SplittableRandom;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.SimpleQuantity;
import org.musubi.record.fhir.FhirSystems;

/** An outpatient prescription (YJ code, dosage text, days' supply) and its dispense. */
final class ClinicalMedications {

    private final SplittableRandom random;

    ClinicalMedications(SplittableRandom random) {
        this.random = random;
    }

    /** Prescriptions last 14, 28, 42 or 56 days. */
    int days() {
        return 14 * (1 + random.nextInt(4));
    }

    MedicationRequest request(ClinicalCodes.Drug drug, int days, Date authored, String encounterUrl) {
        MedicationRequest request = new MedicationRequest().setStatus(MedicationRequest.MedicationRequestStatus.COMPLETED)
                .setIntent(MedicationRequest.MedicationRequestIntent.ORDER).setMedication(medication(drug))
                .setEncounter(new Reference(encounterUrl)).setAuthoredOn(authored);
        request.addCategory().addCoding(new Coding(
                FhirSystems.MEDICATION_REQUEST_CATEGORY, "outpatient", "外来処方"));
        request.addDosageInstruction().setText(drug.dose());
        request.getDispenseRequest().setQuantity(tablets(drug.tablets(days)))
                .setExpectedSupplyDuration((Duration) new Duration().setValue(days).setUnit("日")
                        .setSystem(FhirSystems.UCUM).setCode("d"));
        return request;
    }

    MedicationDispense dispense(ClinicalCodes.Drug drug, int days, Date authored, String requestUrl) {
        Date handedOver = new Date(authored.getTime() + (20 + random.nextInt(100)) * 60_000L);
        return new MedicationDispense().setStatus(MedicationDispense.MedicationDispenseStatus.COMPLETED)
                .setMedication(medication(drug)).addAuthorizingPrescription(new Reference(requestUrl))
                .setQuantity(tablets(drug.tablets(days))).setDaysSupply(tablets(days).setUnit("日"))
                .setWhenHandedOver(handedOver);
    }

    private static CodeableConcept medication(ClinicalCodes.Drug drug) {
        return new CodeableConcept(new Coding(FhirSystems.YJ, drug.yj(), drug.name())).setText(drug.name());
    }

    private static SimpleQuantity tablets(int count) {
        SimpleQuantity quantity = new SimpleQuantity();
        quantity.setValue(count).setUnit("錠");
        return quantity;
    }
}
