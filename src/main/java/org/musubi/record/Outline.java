package org.musubi.record;

import java.time.Instant;
import java.util.Set;
import org.musubi.policy.DataCategory;

/**
 * One resource of a record's outline, without content; {@code held}: the categories a container holds besides its
 * own. A viewer picks from the outline what to show, then reads only that ({@code read.PersonRecord.contents}).
 */
public record Outline(long patientKey, String id, String type, long sourceFacilityId, DataCategory category,
                      Instant clinicalDate, Set<DataCategory> held) {

    public Outline {
        held = Categories.besides(category, held);
    }

    /** A resource that holds nothing but itself. */
    public Outline(long patientKey, String id, String type, long sourceFacilityId, DataCategory category,
                   Instant clinicalDate) {
        this(patientKey, id, type, sourceFacilityId, category, clinicalDate, Set.of());
    }
}
