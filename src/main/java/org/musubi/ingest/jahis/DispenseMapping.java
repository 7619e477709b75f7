package org.musubi.ingest.jahis;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.Reference;
import org.musubi.ingest.MappedResource;
import org.musubi.ingest.SourceRefs;
import org.musubi.ingest.jahis.Dispensing.DispensedDrug;
import org.musubi.ingest.jahis.Dispensing.Prescription;
import org.musubi.ingest.jahis.Dispensing.Rp;
import org.musubi.ingest.jahis.JahisRecord.Usage;

/**
 * A dispensing block as JP_MedicationDispense resources, one per drug (201). Each carries the block's
 * date as whenHandedOver, the pharmacy and pharmacist as contained performers, the prescriber as a
 * contained PractitionerRole named by a Musubi extension (the JAHIS record tells who prescribed, not
 * which prescription, so there is no MedicationRequest to point authorizingPrescription at), the RP
 * number and order in the RP as JP Core identifiers, the 剤形 as category, and as notes the drug's
 * 281/291, the RP's 311/391 and the block's 401/411/421/501/601.
 * Source key: {@code <record key>:<prescription>:<RP number>:<order in RP>}.
 */
final class DispenseMapping {

    private DispenseMapping() {
    }

    static List<MappedResource> map(Dispensing block, String recordKey) {
        List<MappedResource> mapped = new ArrayList<>();
        Shared shared = new Shared(Notes.day(block.date.date()), block.notes.stream().map(Notes::of).toList());
        int group = 0;
        for (Prescription prescription : block.prescriptions) {
            group++;
            for (Rp rp : prescription.rps().values()) {
                int order = 0;
                for (DispensedDrug drug : rp.drugs) {
                    order++;
                    mapped.add(new MappedResource(recordKey + ":" + group + ":" + rp.number + ":" + order,
                            dispense(block, shared, prescription, rp, drug, order)));
                }
            }
        }
        return mapped;
    }

    /** What every dispense of the block carries, made once and copied (parsing dates is not free). */
    private record Shared(DateTimeType handedOver, List<Annotation> notes) {
    }

    private static MedicationDispense dispense(Dispensing block, Shared shared, Prescription prescription, Rp rp,
                                               DispensedDrug drug, int order) {
        MedicationDispense dispense = new MedicationDispense();
        dispense.getMeta().addProfile(JahisSystems.DISPENSE_PROFILE);
        dispense.addIdentifier(new Identifier().setSystem(JahisSystems.RP_NUMBER).setValue(String.valueOf(rp.number)));
        dispense.addIdentifier(new Identifier().setSystem(JahisSystems.ORDER_IN_RP).setValue(String.valueOf(order)));
        dispense.setStatus(MedicationDispense.MedicationDispenseStatus.COMPLETED);
        Usage usage = rp.usage;
        if (usage != null && !usage.dosageForm().isEmpty()) {
            dispense.setCategory(new CodeableConcept(new Coding(JahisSystems.DOSAGE_FORM, usage.dosageForm(),
                    JahisCodes.DOSAGE_FORMS.get(usage.dosageForm()))));
        }
        dispense.setMedication(DrugCodes.concept(drug.drug()));
        dispense.setSubject(SourceRefs.patient());
        parties(block, prescription, dispense);
        dispense.setQuantity(DosageMapping.handedOver(drug.drug(), usage));
        dispense.setDaysSupply(DosageMapping.daysSupply(usage));
        dispense.setWhenHandedOverElement(shared.handedOver().copy());
        Dosage dosage = DosageMapping.dosage(drug.drug(), usage);
        if (dosage != null) {
            dispense.addDosageInstruction(dosage);
        }
        drug.notes().forEach(note -> dispense.addNote(Notes.of(note)));
        rp.notes.stream().map(Notes::of).forEach(dispense::addNote);
        shared.notes().forEach(note -> dispense.addNote(note.copy()));
        return dispense;
    }

    private static void parties(Dispensing block, Prescription prescription, MedicationDispense dispense) {
        if (block.pharmacy != null) {
            dispense.addContained(Parties.pharmacy(block.pharmacy));
            dispense.addPerformer().setActor(new Reference("#pharmacy"));
        }
        if (block.pharmacist != null) {
            dispense.addContained(Parties.pharmacist(block.pharmacist));
            dispense.addPerformer().setActor(new Reference("#pharmacist"));
        }
        if (prescription.doctor() == null && block.institution == null) {
            return;
        }
        if (block.institution != null) {
            dispense.addContained(Parties.institution(block.institution));
        }
        if (prescription.doctor() != null) {
            dispense.addContained(Parties.doctor(prescription.doctor()));
        }
        dispense.addContained(Parties.prescriber(prescription.doctor(), block.institution));
        dispense.addExtension(JahisSystems.PRESCRIBER, new Reference("#prescriber"));
    }
}
