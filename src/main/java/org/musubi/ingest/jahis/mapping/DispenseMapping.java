package org.musubi.ingest.jahis.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.Reference;
import org.musubi.ingest.jahis.records.Dispensing;
import org.musubi.ingest.jahis.records.Dispensing.DispensedDrug;
import org.musubi.ingest.jahis.records.Dispensing.Prescription;
import org.musubi.ingest.jahis.records.Dispensing.Rp;
import org.musubi.medication.notebook.JahisCodes;
import org.musubi.ingest.jahis.records.JahisProblems;
import org.musubi.ingest.jahis.records.JahisRecord.Drug;
import org.musubi.ingest.jahis.records.JahisRecord.Usage;
import org.musubi.ingest.adapter.DirectoryResource;
import org.musubi.ingest.adapter.Location;
import org.musubi.ingest.adapter.MappedResource;
import org.musubi.ingest.adapter.Problem;
import org.musubi.ingest.adapter.SourceRefs;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.medication.notebook.Creators;
import org.musubi.medication.notebook.DrugCodes;
import org.musubi.medication.notebook.JahisSystems;

/**
 * A dispensing block as JP_MedicationDispense resources, one per drug (201). Each carries the block's
 * date as whenHandedOver, the pharmacy and pharmacist as performers (directory resources the block's
 * record stores once: {@link Parties}), the prescriber as a contained PractitionerRole (referring to the
 * doctor and the institution, also directory resources) named by a Musubi extension (the JAHIS record tells who prescribed, not
 * which prescription, so there is no MedicationRequest to point authorizingPrescription at), the RP
 * number and order in the RP as JP Core identifiers, the 剤形 as category, and as notes the drug's
 * 281/291, the RP's 311/391 and the block's 401/411/421/501/601. The block's 作成者 (of its 5) is kept on each
 * dispense ({@link Creators}); a record of the block made by someone else is a warning ({@link BlockCreators}).
 * Source key: {@code <record key>:<prescription>:<RP number>:<order in RP>}.
 */
final class DispenseMapping {

    private DispenseMapping() {
    }

    /**
     * {@code known}: the parties the file's blocks named before (a notebook names its pharmacy in every block);
     * {@code fromPatient}: the file is of 出力区分 2 ({@link DosageMapping}), each dose then warned of as kept a dose.
     */
    static RecordMapping map(Dispensing block, String recordKey, Parties.Known known, boolean fromPatient, String file) {
        List<MappedResource> mapped = new ArrayList<>();
        List<Problem> warnings = new ArrayList<>();
        Map<String, DirectoryResource> directory = new LinkedHashMap<>();
        Shared shared = new Shared(Notes.day(block.date().date()), block.notes().stream().map(Notes::of).toList(),
                block.pharmacy() == null ? null : Parties.toOrganization(named(directory, known.pharmacy(block.pharmacy()))),
                block.pharmacist() == null ? null
                        : Parties.toPerson(named(directory, known.pharmacist(block.pharmacist())), block.pharmacist().name()),
                block.institution() == null ? null
                        : Parties.toOrganization(named(directory, known.institution(block.institution()))),
                block.date().creator());
        int group = 0;
        for (Prescription prescription : block.prescriptions()) {
            group++;
            Reference doctor = prescription.doctor() == null ? null : Parties.toPerson(
                    named(directory, known.doctor(prescription.doctor())), prescription.doctor().name());
            for (Rp rp : prescription.rps().values()) {
                int order = 0;
                for (DispensedDrug drug : rp.drugs()) {
                    order++;
                    mapped.add(new MappedResource(recordKey + ":" + group + ":" + rp.number() + ":" + order,
                            dispense(shared, prescription, doctor, rp, drug, order, fromPatient)));
                    if (fromPatient && drug.drug().dose() != null) {
                        warnings.add(JahisProblems.of(new Location(file, drug.drug().line(), "201", "201.用量"),
                                "jahis.dose.noQuantity", drug.drug().dose().toPlainString() + drug.drug().unit()));
                    } else if (drug.drug().dose() != null && !knownForm(rp.usage())) {
                        warnings.add(JahisProblems.of(new Location(file, drug.drug().line(), "201", "201.用量"),
                                "jahis.dose.formUnknown", drug.drug().dose().toPlainString() + drug.drug().unit(),
                                rp.usage() == null ? "" : rp.usage().dosageForm()));
                    }
                }
            }
        }
        warnings.addAll(BlockCreators.differing(block, block.date().creator(), file, true));
        return new RecordMapping(mapped, List.copyOf(directory.values()), warnings);
    }

    /**
     * Whether the Rp's 301 names a form of the JAHIS table: without one, whether the 201 用量 is a daily amount or the
     * whole amount cannot be told, and it is stored as the whole amount handed over (with a warning saying so).
     */
    private static boolean knownForm(Usage usage) {
        return usage != null && JahisCodes.DOSAGE_FORMS.containsKey(usage.dosageForm());
    }

    /** {@code d}, added to the block's directory resources (once). */
    private static DirectoryResource named(Map<String, DirectoryResource> directory, DirectoryResource d) {
        return directory.computeIfAbsent(d.id(), k -> d);
    }

    /**
     * What every dispense of the block carries, made once and copied (parsing dates is not free): the date,
     * the block's notes and the references to its pharmacy, pharmacist and prescribing institution.
     */
    private record Shared(DateTimeType handedOver, List<Annotation> notes, Reference pharmacy, Reference pharmacist,
                          Reference institution, String creator) {
    }

    private static MedicationDispense dispense(Shared shared, Prescription prescription, Reference doctor, Rp rp,
                                               DispensedDrug drug, int order, boolean fromPatient) {
        MedicationDispense dispense = new MedicationDispense();
        dispense.getMeta().addProfile(JahisSystems.DISPENSE_PROFILE);
        dispense.addIdentifier(new Identifier().setSystem(FhirSystems.RP_NUMBER).setValue(String.valueOf(rp.number())));
        dispense.addIdentifier(new Identifier().setSystem(FhirSystems.ORDER_IN_RP).setValue(String.valueOf(order)));
        dispense.setStatus(MedicationDispense.MedicationDispenseStatus.COMPLETED);
        Usage usage = rp.usage();
        if (usage != null && !usage.dosageForm().isEmpty()) {
            dispense.setCategory(new CodeableConcept(new Coding(FhirSystems.JAHIS_DOSAGE_FORM, usage.dosageForm(),
                    JahisCodes.DOSAGE_FORMS.get(usage.dosageForm()))));
        }
        dispense.setMedication(concept(drug.drug()));
        dispense.setSubject(SourceRefs.patient());
        Creators.mark(dispense, shared.creator());
        parties(shared, prescription, doctor, dispense);
        dispense.setQuantity(DosageMapping.handedOver(drug.drug(), usage, fromPatient));
        dispense.setDaysSupply(DosageMapping.daysSupply(usage));
        dispense.setWhenHandedOverElement(shared.handedOver().copy());
        Dosage dosage = DosageMapping.dosage(drug.drug(), usage, fromPatient);
        if (dosage != null) {
            dispense.addDosageInstruction(dosage);
        }
        drug.notes().forEach(note -> dispense.addNote(Notes.of(note)));
        rp.notes().stream().map(Notes::of).forEach(dispense::addNote);
        shared.notes().forEach(note -> dispense.addNote(note.copy()));
        return dispense;
    }

    private static void parties(Shared shared, Prescription prescription, Reference doctor, MedicationDispense dispense) {
        if (shared.pharmacy() != null) {
            dispense.addPerformer().setActor(shared.pharmacy().copy());
        }
        if (shared.pharmacist() != null) {
            dispense.addPerformer().setActor(shared.pharmacist().copy());
        }
        if (doctor == null && shared.institution() == null) {
            return;
        }
        dispense.addContained(Parties.prescriber(prescription.doctor(), doctor == null ? null : doctor.copy(),
                shared.institution() == null ? null : shared.institution().copy()));
        dispense.addExtension(FhirSystems.PRESCRIBER, new Reference("#prescriber"));
    }

    /** The medication of a 201: its codings (drug code, generic name) and its name as text. */
    private static CodeableConcept concept(Drug drug) {
        CodeableConcept concept = new CodeableConcept().setText(drug.name());
        if (JahisCodes.CODED_DRUG_TYPES.contains(drug.codeType()) && !drug.code().isEmpty()) {
            concept.addCoding(new Coding(DrugCodes.system(drug.codeType(), drug.code()), drug.code(), drug.name()));
        }
        if (!drug.genericName().isEmpty() || "2".equals(drug.genericCodeType()) && !drug.genericCode().isEmpty()) {
            Coding generic = new Coding().setDisplay(drug.genericName().isEmpty() ? null : drug.genericName());
            if ("2".equals(drug.genericCodeType()) && !drug.genericCode().isEmpty()) {
                generic.setSystem(FhirSystems.GENERIC_NAME).setCode(drug.genericCode());
            }
            concept.addCoding(generic);
        }
        return concept;
    }
}
