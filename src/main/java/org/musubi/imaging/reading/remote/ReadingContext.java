package org.musubi.imaging.reading.remote;

import java.time.Clock;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.musubi.audit.Audit;
import org.musubi.imaging.studies.StudyIndex;

/**
 * What the remote readings ask besides the record's doors and their rows: the study index, the audit (a listing's one
 * row), the directory (who reads and requests, names, the person a study is about), whether the node is a read-only
 * standby, and the clock.
 */
public record ReadingContext(StudyIndex studies, Audit audit, Directory directory, BooleanSupplier readOnly,
                             Clock clock) {

    /** Who may read and request, and the names pages show. */
    public interface Directory {

        /** Whether the user is an active doctor or dentist (who requests readings and reads studies). */
        boolean doctor(long userId);

        /** A user's name as the report names its reader. */
        String userName(long userId);

        /** A facility's name. */
        String facilityName(long facilityId);

        /** The regional person a source patient is linked to, if linked. */
        Optional<Long> personOf(long sourcePatientId);
    }
}
