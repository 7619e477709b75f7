package org.musubi.imaging.reading.remote;

import java.time.Clock;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.musubi.audit.Audit;
import org.musubi.imaging.studies.StudyIndex;
import org.musubi.policy.Disclosure;
import org.musubi.policy.disclosure.Disclose;

/**
 * What the remote readings ask besides the record's doors and their rows: the study index, the audit (a listing's one
 * row), the directory (who reads and requests, names, the person a study is about), whether the node is a read-only
 * standby, the clock, and the policy's disclosures: a study sent to a centre (a reading request, a programme's entry)
 * is disclosed to the centre in the sending transaction, and the centre reads and answers it by that disclosure's id.
 */
public record ReadingContext(StudyIndex studies, Audit audit, Directory directory, BooleanSupplier readOnly,
                             Clock clock, Disclose disclose) {

    /** The disclosure's source of the reading request {@code id}. */
    public static String requestSource(long id) {
        return "reading-request:" + id;
    }

    /** The disclosure's source of the programme entry {@code id}. */
    public static String entrySource(long id) {
        return "programme-entry:" + id;
    }

    /**
     * Records the study of the person sent from the source patient {@code askingPatientId} of {@code askingFacility}
     * to the reading centre {@code centreFacility} as what the centre is let see, for the wing's row {@code source}.
     */
    public void disclose(String source, long personId, long askingPatientId, long askingFacility,
                         long centreFacility, String purpose) {
        disclose.disclose(source, Disclosure.reading(personId, askingPatientId, centreFacility).from(askingFacility),
                purpose, null);
    }

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
