package org.musubi.ingest.jahis.mapping;

import java.time.LocalDate;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DateTimeType;
import org.musubi.ingest.jahis.records.JahisRecord.BlockNote;
import org.musubi.ingest.jahis.records.JahisRecord.RpNote;
import org.musubi.medication.notebook.Creators;
import org.musubi.medication.notebook.NoteRecords;
import org.musubi.record.fhir.FhirSystems;

/**
 * JAHIS notes as FHIR Annotations: the text as sent, the record number it came from ({@link NoteRecords}), a 411's
 * type in a Musubi extension, a 601's input date as the annotation time, and the 作成者 as the author
 * ({@link Creators}, {@link CreatorParties}).
 */
final class Notes {

    private Notes() {
    }

    static Annotation of(RpNote note) {
        return annotation(note.number(), note.content(), note.creator());
    }

    static Annotation of(BlockNote note) {
        Annotation annotation = annotation(note.number(), note.content(), note.creator());
        if (!note.infoType().isEmpty()) {
            annotation.addExtension(FhirSystems.JAHIS_INFO_TYPE, new CodeType(note.infoType()));
        }
        if (note.inputDate() != null) {
            annotation.setTimeElement(day(note.inputDate()));
        }
        return annotation;
    }

    /** A date as a day-precision dateTime ({@code 2026-03-10}). */
    static DateTimeType day(LocalDate date) {
        return new DateTimeType(date.toString());
    }

    private static Annotation annotation(int number, String text, String creator) {
        Annotation annotation = NoteRecords.mark(new Annotation().setText(text), number);
        annotation.setAuthor(CreatorParties.party(creator));
        return Creators.mark(annotation, creator);
    }
}
