package org.musubi.consult;

import java.time.Clock;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.musubi.audit.Audit;
import org.musubi.identity.SourcePatient;
import org.musubi.policy.PersonAccess;
import org.musubi.policy.PersonView;
import org.musubi.policy.disclosure.Disclose;
import org.musubi.record.Reader;

/**
 * What the consultations ask besides the record's doors and their rows: the access policy (who may take part in
 * correspondence at all), the audit (a listing's one row), the directory (who may be asked), the asker's patient (the
 * source patient a thread is stored under), whether the node is a read-only standby, the clock, and the policy's
 * disclosures (a thread asked is disclosed to its addressee in the asking transaction; the addressee reads and answers
 * it by that disclosure's id).
 */
public record ConsultContext(PersonAccess access, Audit audit, Directory directory, AskersPatient patients,
                             BooleanSupplier readOnly, Clock clock, Disclose disclose) {

    /**
     * The patient as the asking facility knows them: its own source patient when the decision read one (its system
     * sent it, or the chart number recorded at linking); else, when the facility has standing (a link made with the
     * person's card, chart number or not — issue 67, as the letters), one made and linked now, once per facility and
     * person; else empty (an automatic match gives no standing: {@link ConsultFault#NOT_OUR_PATIENT}).
     */
    @FunctionalInterface
    public interface AskersPatient {

        Optional<SourcePatient> own(Reader asker, PersonView view);
    }

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
