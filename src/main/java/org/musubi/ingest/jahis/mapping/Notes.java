package org.musubi.ingest.jahis.mapping;

import java.time.LocalDate;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DateTimeType;
import org.musubi.ingest.jahis.records.JahisRecord.BlockNote;
import org.musubi.ingest.jahis.records.JahisRecord.RpNote;
import org.musubi.ingest.jahis.records.Numbers;
import org.musubi.record.fhir.FhirSystems;

/**
 * JAHIS notes as FHIR Annotations: the text as sent, the record number it came from in a Musubi
 * extension (so 281 drug notes, 391 cautions, 421 leftover checks … stay apart and are written back
 * as the same records), a 411's type in another, a 601's input date as the annotation time, and the 作成者 as
 * the author ({@link Creators}).
 */
public final class Notes {

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
        Annotation annotation = new Annotation().setText(text);
        annotation.addExtension(FhirSystems.JAHIS_NOTE_RECORD, new CodeType(String.valueOf(number)));
        annotation.setAuthor(Creators.party(creator));
        return Creators.mark(annotation, creator);
    }

    /** The JAHIS record number an annotation came from, or 0 when it came from elsewhere. */
    public static int recordOf(Annotation annotation) {
        var extension = annotation.getExtensionByUrl(FhirSystems.JAHIS_NOTE_RECORD);
        if (extension == null || !(extension.getValue() instanceof CodeType code) || !Numbers.isDigits(code.getValue())) {
            return 0;
        }
        return code.getValue().length() > 4 ? 0 : Integer.parseInt(code.getValue());
    }
}
