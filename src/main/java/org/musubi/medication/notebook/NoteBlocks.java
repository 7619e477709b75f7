package org.musubi.medication.notebook;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Resource;
import org.musubi.medication.notebook.DispenseBlocks.Block;
import org.musubi.record.fhir.FhirSystems;

/**
 * The notes of a dispensing block without drugs (the mapping's DocumentReferences of JAHIS record 401, 411, 421, 501
 * or 601) back into blocks: one per day (the document's {@code context.period.start}), institution and pharmacist
 * (its authors), apart from the blocks of dispenses, each note as the Annotation {@link BlockLines} writes back as its
 * record. A document without a date cannot be written and is left out.
 */
final class NoteBlocks {

    private static final Set<String> RECORDS = Set.of("401", "411", "421", "501", "601");

    private NoteBlocks() {
    }

    /** Whether the document is a note of a block without drugs. */
    static boolean isBlockNote(DocumentReference document) {
        return FhirValues.coding(document.getType(), FhirSystems.JAHIS_RECORD).map(c -> RECORDS.contains(c.getCode()))
                .orElse(false);
    }

    /** Adds the notes among {@code documents} to {@code blocks}, keyed apart from the blocks of dispenses. */
    static void of(List<DocumentReference> documents, Map<String, Block> blocks) {
        for (DocumentReference document : documents) {
            LocalDate date = FhirValues.day(document.getContext().getPeriod().getStartElement());
            if (date == null || !isBlockNote(document)) {
                continue;
            }
            Organization institution = author(document, Organization.class);
            Practitioner pharmacist = author(document, Practitioner.class);
            blocks.computeIfAbsent("notes|" + date + "|" + DispenseBlocks.signature(institution) + "|"
                    + DispenseBlocks.signature(pharmacist),
                    k -> new Block(date, institution, pharmacist, null, Creators.of(document, "1")))
                    .notes.add(annotation(document));
        }
    }

    private static Annotation annotation(DocumentReference document) {
        Attachment attachment = document.getContentFirstRep().getAttachment();
        Annotation note = new Annotation().setText(attachment.hasData()
                ? new String(attachment.getData(), StandardCharsets.UTF_8) : "");
        String record = FhirValues.coding(document.getType(), FhirSystems.JAHIS_RECORD).orElseThrow().getCode();
        note.addExtension(FhirSystems.JAHIS_NOTE_RECORD, new CodeType(record));
        Extension type = document.getExtensionByUrl(FhirSystems.JAHIS_INFO_TYPE);
        if (type != null) {
            note.addExtension(type.copy());
        }
        if (attachment.hasCreation()) {
            note.setTimeElement(attachment.getCreationElement().copy());
        }
        Extension creator = document.getExtensionByUrl(FhirSystems.JAHIS_CREATOR);
        if (creator != null) {
            note.addExtension(creator.copy());
        }
        return note;
    }

    private static <T extends Resource> T author(DocumentReference document, Class<T> type) {
        return document.getAuthor().stream().map(a -> FhirValues.resolve(document, a)).flatMap(Optional::stream)
                .filter(type::isInstance).map(type::cast).findFirst().orElse(null);
    }
}
