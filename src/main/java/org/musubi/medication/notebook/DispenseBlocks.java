package org.musubi.medication.notebook;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.musubi.record.fhir.FhirSystems;

/**
 * MedicationDispenses grouped back into dispensing blocks, newest first: one block per day, pharmacy,
 * pharmacist and prescribing institution; in it one prescription per doctor (the one without a
 * doctor first, as JAHIS gives RPs before any 55 to no doctor); in each, RPs by their JP Core RP
 * number and drugs by their order in the RP. A dispense without RP number is an RP of its own; one
 * without a hand-over (or preparation) date cannot be written and is left out. The notes of a block without drugs
 * come back as blocks of their own ({@link NoteBlocks}).
 */
final class DispenseBlocks {

    /** One block to write. */
    public static final class Block {
        final LocalDate date;
        final Organization pharmacy;
        final Practitioner pharmacist;
        final Organization institution;
        /** The 作成者 of the block's 5, 11, 15, 51 and 55. */
        final String creator;
        final Map<String, Prescription> prescriptions = new LinkedHashMap<>();
        /** The notes of a block without drugs (from its DocumentReferences: {@link NoteBlocks}). */
        final List<Annotation> notes = new ArrayList<>();

        Block(LocalDate date, Organization pharmacy, Practitioner pharmacist, Organization institution, String creator) {
            this.date = date;
            this.pharmacy = pharmacy;
            this.pharmacist = pharmacist;
            this.institution = institution;
            this.creator = creator;
        }
    }

    /** The RPs of one doctor: RP number → dispenses by order in the RP. */
    record Prescription(Practitioner doctor, String department, TreeMap<Integer, TreeMap<Integer, MedicationDispense>> rps) {

        /** Adds a dispense under its RP number and order, or as a new RP after the others. */
        void add(MedicationDispense dispense) {
            Integer rp = identifier(dispense, FhirSystems.RP_NUMBER);
            if (rp == null || rps.containsKey(rp) && identifier(dispense, FhirSystems.ORDER_IN_RP) == null) {
                rp = rps.isEmpty() ? 1 : rps.lastKey() + 1;
            }
            TreeMap<Integer, MedicationDispense> drugs = rps.computeIfAbsent(rp, k -> new TreeMap<>());
            Integer order = identifier(dispense, FhirSystems.ORDER_IN_RP);
            drugs.put(order == null || drugs.containsKey(order) ? (drugs.isEmpty() ? 1 : drugs.lastKey() + 1) : order, dispense);
        }

        private static Integer identifier(MedicationDispense dispense, String system) {
            return dispense.getIdentifier().stream().filter(i -> system.equals(i.getSystem()) && i.hasValue())
                    .map(i -> i.getValue()).filter(v -> JahisNumbers.isDigits(v) && v.length() <= 3).map(Integer::valueOf)
                    .findFirst().orElse(null);
        }
    }

    private DispenseBlocks() {
    }

    public static List<Block> of(List<MedicationDispense> dispenses) {
        return of(dispenses, List.of());
    }

    /** The blocks of {@code dispenses} and, each its own, those of the notes of blocks without drugs. */
    public static List<Block> of(List<MedicationDispense> dispenses, List<DocumentReference> notes) {
        Map<String, Block> blocks = new LinkedHashMap<>();
        NoteBlocks.of(notes, blocks);
        for (MedicationDispense dispense : dispenses) {
            LocalDate date = Optional.ofNullable(FhirValues.day(dispense.getWhenHandedOverElement()))
                    .orElse(FhirValues.day(dispense.getWhenPreparedElement()));
            if (date == null) {
                continue;
            }
            Organization pharmacy = performer(dispense, Organization.class);
            Practitioner pharmacist = performer(dispense, Practitioner.class);
            Optional<PractitionerRole> role = prescriber(dispense);
            Organization institution = role.flatMap(r -> target(dispense, r.getOrganization(), Organization.class)).orElse(null);
            Block block = blocks.computeIfAbsent(date + "|" + signature(pharmacy) + "|" + signature(pharmacist) + "|"
                    + signature(institution), k -> new Block(date, pharmacy, pharmacist, institution, Creators.of(dispense, "1")));
            Practitioner doctor = role.flatMap(r -> target(dispense, r.getPractitioner(), Practitioner.class)).orElse(null);
            String department = role.map(r -> FhirValues.text(r.getSpecialtyFirstRep())).orElse("");
            block.prescriptions.computeIfAbsent(signature(doctor) + "|" + department,
                    k -> new Prescription(doctor, department, new TreeMap<>())).add(dispense);
        }
        List<Block> sorted = new ArrayList<>(blocks.values());
        sorted.sort(Comparator.comparing((Block b) -> b.date).reversed());
        sorted.forEach(DispenseBlocks::doctorlessFirst);
        return sorted;
    }

    private static void doctorlessFirst(Block block) {
        List<Map.Entry<String, Prescription>> entries = new ArrayList<>(block.prescriptions.entrySet());
        entries.sort(Comparator.comparing(e -> e.getValue().doctor() != null));
        block.prescriptions.clear();
        entries.forEach(e -> block.prescriptions.put(e.getKey(), e.getValue()));
    }

    private static Optional<PractitionerRole> prescriber(MedicationDispense dispense) {
        Extension extension = dispense.getExtensionByUrl(FhirSystems.PRESCRIBER);
        return extension != null && extension.getValue() instanceof Reference reference
                ? target(dispense, reference, PractitionerRole.class) : Optional.empty();
    }

    private static <T extends Resource> T performer(MedicationDispense dispense, Class<T> type) {
        return dispense.getPerformer().stream().map(p -> target(dispense, p.getActor(), type)).flatMap(Optional::stream)
                .findFirst().orElse(null);
    }

    private static <T extends Resource> Optional<T> target(MedicationDispense dispense, Reference reference, Class<T> type) {
        return FhirValues.resolve(dispense, reference).filter(type::isInstance).map(type::cast);
    }

    static String signature(Resource resource) {
        return switch (resource) {
            case null -> "";
            case Organization o -> o.getName() + o.getIdentifier().stream().map(i -> "#" + i.getValue()).toList();
            case Practitioner p -> FhirValues.name(p.getNameFirstRep());
            default -> resource.getIdPart();
        };
    }
}
