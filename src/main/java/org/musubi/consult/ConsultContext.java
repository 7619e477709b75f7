package org.musubi.consult;

import java.time.Clock;
import java.util.function.BooleanSupplier;
import org.musubi.audit.Audit;
import org.musubi.policy.PersonAccess;

/**
 * What the consultations ask besides the record's doors and their rows: the access policy (who may take part in
 * correspondence at all), the audit (a listing's one row), the directory (who may be asked), whether the node is a
 * read-only standby, and the clock.
 */
public record ConsultContext(PersonAccess access, Audit audit, Directory directory, BooleanSupplier readOnly,
                             Clock clock) {

    /** Who may be asked a consultation. */
    public interface Directory {

        /** Whether the facility is active and may be asked (a hospital, a clinic …). */
        boolean askable(long facilityId);

        /** Whether the user is an active doctor or dentist of the facility. */
        boolean specialistOf(long userId, long facilityId);

        /** A user's name as messages show their sender. */
        String userName(long userId);

        /** A facility's name. */
        String facilityName(long facilityId);
    }
}
