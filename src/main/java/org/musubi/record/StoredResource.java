package org.musubi.record;

import java.time.Instant;
import org.musubi.policy.DataCategory;
import org.musubi.policy.DataItem;

/**
 * One version of a resource as stored: under its source patient ({@code patientKey}; 0 for a resource
 * about no patient), owned by the facility that sent it, with the data category the policy judges.
 */
public record StoredResource(long patientKey, String id, String type, int version, long sourceFacilityId,
                             DataCategory category, Instant lastUpdated, boolean deleted, String json) {

    /** Whether the resource is about a patient (and so read only through the access policy). */
    public boolean patientData() {
        return patientKey != 0;
    }

    public DataItem item() {
        return new DataItem(sourceFacilityId, category);
    }
}
