package org.musubi.imaging.reading.programme;

import java.util.List;
import java.util.Objects;

/**
 * A double reading programme: its name, its kind (the label {@code imaging.programme.kind.KIND}), the study kind it
 * reads (DICOM modality), the reading centre, the chief who compares, and the pool of readers (user ids).
 */
public record Programme(long id, String name, Kind kind, String modality, long centreFacility, long chief,
                        List<Long> readers) {

    /** What a programme screens for. */
    public enum Kind { GASTRIC_ENDOSCOPY, CHEST_XRAY, OTHER }

    public Programme {
        Objects.requireNonNull(name);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(modality);
        readers = List.copyOf(readers);
    }

    /** Whether the user may compare a study's two readings: the chief, or a reader of the pool who read neither. */
    public boolean mayCompare(long user, ProgrammeStudy study) {
        return user != study.reading().first() && user != study.reading().second()
                && (user == chief || readers.contains(user));
    }
}
