package org.musubi.record;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.musubi.policy.DataCategory;
import org.musubi.policy.DataItem;
import org.musubi.record.fhir.FhirJson;

/**
 * One version of a resource as stored: under its source patient ({@code patientKey}; 0 for a resource
 * about no patient), owned by the facility that sent it, with the data category the policy judges and, for
 * a container, the categories it holds besides ({@code held}: a Bundle's entries …; empty for other resources).
 * The JSON is as stored (an insured-person number too); {@link ReadRecords} hands a reader of another facility the
 * resource without it ({@link #withoutInsuredNumbers}).
 */
public record StoredResource(long patientKey, String id, String type, int version, long sourceFacilityId,
                             DataCategory category, Instant lastUpdated, boolean deleted, String json,
                             Set<DataCategory> held) {

    public StoredResource {
        held = Categories.besides(category, held);
    }

    /** A resource that holds nothing but itself. */
    public StoredResource(long patientKey, String id, String type, int version, long sourceFacilityId,
                          DataCategory category, Instant lastUpdated, boolean deleted, String json) {
        this(patientKey, id, type, version, sourceFacilityId, category, lastUpdated, deleted, json, Set.of());
    }

    /** Whether the resource is about a patient (and so read only through the access policy). */
    public boolean patientData() {
        return patientKey != 0;
    }

    /** The resource as the policy sees it by its own category. */
    public DataItem item() {
        return new DataItem(sourceFacilityId, category);
    }

    /** Everything a reader must be allowed to see it: its own item first, then each category it holds. */
    public List<DataItem> items() {
        List<DataItem> items = new ArrayList<>(1 + held.size());
        items.add(item());
        held.forEach(c -> items.add(new DataItem(sourceFacilityId, c)));
        return items;
    }

    /**
     * The same version without identifiers in the insured-person system ({@link FhirJson#withoutInsuredNumbers});
     * this one when it has none.
     */
    public StoredResource withoutInsuredNumbers() {
        String shown = FhirJson.withoutInsuredNumbers(json);
        return shown == json ? this
                : new StoredResource(patientKey, id, type, version, sourceFacilityId, category, lastUpdated, deleted, shown,
                        held);
    }

    /** The same version holding these categories too (a history is judged by what any of its versions held). */
    public StoredResource holding(Set<DataCategory> more) {
        Set<DataCategory> all = categories();
        all.addAll(more);
        return new StoredResource(patientKey, id, type, version, sourceFacilityId, category, lastUpdated, deleted, json,
                all);
    }

    /** Its own category and every category it holds. */
    public Set<DataCategory> categories() {
        EnumSet<DataCategory> all = EnumSet.of(category);
        all.addAll(held);
        return all;
    }
}
