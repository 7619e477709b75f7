package org.musubi.medication.notebook;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.Organization;
import org.musubi.medication.notebook.DispenseBlocks.Block;
import org.musubi.medication.notebook.DispenseBlocks.Prescription;
import org.musubi.record.fhir.FhirSystems;

/**
 * The records of one dispensing block, in the format's order: 5, 11, 15, 51, then per prescription
 * 55 and per RP its 201 (each followed by its 281/291), 301, 311/391, and last the block's notes
 * 401 … 601. Notes the mapping copied onto every dispense of an RP or block are written once; a
 * note not from JAHIS is written as a 281 of its drug. Each record's 作成者 is the one the mapping kept (the block's
 * for 5 … 55, each note's own), else 1.
 */
final class BlockLines {

    private BlockLines() {
    }

    public static List<String> of(Block block) {
        List<String> lines = new ArrayList<>();
        lines.add(RecordLine.of(5).date(block.date).text(block.creator).toString());
        if (block.pharmacy != null) {
            lines.add(institution(RecordLine.of(11), block.pharmacy).text(postalCode(block.pharmacy))
                    .text(address(block.pharmacy)).text(FhirValues.phone(block.pharmacy.getTelecom(), null)).text(block.creator)
                    .toString());
        }
        if (block.pharmacist != null) {
            lines.add(RecordLine.of(15).text(FhirValues.name(block.pharmacist.getNameFirstRep()))
                    .text(FhirValues.phone(block.pharmacist.getTelecom(), null)).text(block.creator).toString());
        }
        if (block.institution != null) {
            lines.add(institution(RecordLine.of(51), block.institution).text(block.creator).toString());
        }
        Set<String> blockNotes = new LinkedHashSet<>();
        for (Prescription prescription : block.prescriptions.values()) {
            if (prescription.doctor() != null) {
                lines.add(RecordLine.of(55).text(FhirValues.name(prescription.doctor().getNameFirstRep()))
                        .text(prescription.department()).text(block.creator).toString());
            }
            for (Map.Entry<Integer, TreeMap<Integer, MedicationDispense>> rp : prescription.rps().entrySet()) {
                lines.addAll(RpLines.of(rp.getKey(), List.copyOf(rp.getValue().values())));
                rp.getValue().values().forEach(d -> d.getNote().stream().filter(n -> NoteRecords.of(n) >= 401)
                        .map(BlockLines::blockNote).forEach(blockNotes::add));
            }
        }
        block.notes.stream().map(BlockLines::blockNote).forEach(blockNotes::add);
        lines.addAll(blockNotes);
        return lines;
    }

    private static String blockNote(Annotation note) {
        int number = NoteRecords.of(note);
        RecordLine line = RecordLine.of(number).text(note.getText());
        return switch (number) {
            case 411 -> {
                Extension type = note.getExtensionByUrl(FhirSystems.JAHIS_INFO_TYPE);
                yield line.text(type == null ? "99" : type.getValue().primitiveValue()).text(Creators.of(note, "1")).toString();
            }
            case 601 -> line.date(note.hasTime() ? FhirValues.day(note.getTimeElement()) : null).toString();
            default -> line.text(Creators.of(note, "1")).toString();
        };
    }

    /** Name, prefecture, fee table and 7-digit code (from JP Core's extensions, else the 10-digit identifier). */
    private static RecordLine institution(RecordLine line, Organization organization) {
        String number = organization.getIdentifier().stream().filter(i -> FhirSystems.INSTITUTION_NO.equals(i.getSystem()))
                .map(i -> i.getValue()).filter(v -> v != null && v.length() == 10).findFirst().orElse("");
        return line.text(organization.getName())
                .text(part(organization, JahisSystems.PREFECTURE_EXT, number.isEmpty() ? "" : number.substring(0, 2)))
                .text(part(organization, JahisSystems.FEE_TABLE_EXT, number.isEmpty() ? "" : number.substring(2, 3)))
                .text(part(organization, JahisSystems.CODE_EXT, number.isEmpty() ? "" : number.substring(3)));
    }

    private static String part(Organization organization, String url, String fallback) {
        Extension extension = organization.getExtensionByUrl(url);
        if (extension == null || extension.getValue() == null) {
            return fallback;
        }
        return extension.getValue() instanceof Coding coding ? coding.getCode()
                : extension.getValue() instanceof Identifier id ? id.getValue() : fallback;
    }

    private static String postalCode(Organization organization) {
        return organization.getAddress().stream().map(a -> a.getPostalCode()).filter(p -> p != null).findFirst().orElse("");
    }

    private static String address(Organization organization) {
        return organization.getAddress().stream().map(a -> a.getText()).filter(t -> t != null).findFirst().orElse("");
    }
}
