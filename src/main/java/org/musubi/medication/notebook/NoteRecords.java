package org.musubi.medication.notebook;

import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CodeType;
import org.musubi.record.fhir.FhirSystems;

/**
 * The JAHIS record a note came from, kept on the Annotation it became ({@link FhirSystems#JAHIS_NOTE_RECORD}), so
 * that 281 drug notes, 391 cautions, 421 leftover checks … stay apart and are written back as the same records.
 */
public final class NoteRecords {

    private NoteRecords() {
    }

    /** Marks {@code annotation} as made from a record of {@code number}. */
    public static Annotation mark(Annotation annotation, int number) {
        annotation.addExtension(FhirSystems.JAHIS_NOTE_RECORD, new CodeType(String.valueOf(number)));
        return annotation;
    }

    /** The JAHIS record number an annotation came from, or 0 when it came from elsewhere. */
    public static int of(Annotation annotation) {
        var extension = annotation.getExtensionByUrl(FhirSystems.JAHIS_NOTE_RECORD);
        if (extension == null || !(extension.getValue() instanceof CodeType code) || !JahisNumbers.isDigits(code.getValue())) {
            return 0;
        }
        return code.getValue().length() > 4 ? 0 : Integer.parseInt(code.getValue());
    }
}
