package org.musubi.portal.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.musubi.policy.DataCategory;

/**
 * What a home page row tells about one linked patient, all read through the access policy: when the user last opened
 * the patient's record ({@code null}: never), how many records the user may see arrived since (all of them when never
 * opened) and of which categories; for a pharmacist also the newest dispensing and how many duplicate-medication
 * alerts the current medications raise ({@code null} when not asked).
 *
 * @param refused the policy's reason when the patient's record could not be read now (nothing else is then shown)
 */
public record PatientNews(Instant lastOpened, long newRecords, Set<DataCategory> categories, LocalDate lastDispensed,
                   Integer duplicateAlerts, Integer allergyAlerts, String refused) {

    public PatientNews {
        categories = Set.copyOf(categories);
    }

    static PatientNews refused(String reason) {
        return new PatientNews(null, 0, Set.of(), null, null, null, reason);
    }

    public boolean unchanged() {
        return refused == null && lastOpened != null && newRecords == 0;
    }
}
