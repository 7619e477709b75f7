package org.musubi.emergency.dataset;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.musubi.policy.DataCategory;
import org.musubi.policy.PersonView;
import org.musubi.record.StoredResource;

/**
 * A person's emergency minimum dataset with the stored resources it was read from (by {@code Type/id}, as the rows'
 * {@code ref} name them) and the view the policy opened the person by: what a FHIR document of the dataset is made of.
 */
public record SourcedDataset(EmergencyDataset dataset, PersonView view, Map<String, StoredResource> resources) {

    public SourcedDataset {
        resources = Map.copyOf(resources);
    }

    /**
     * The JP-CLINS flags of the rows that hold one (未告知 …), by the row's {@code ref}: what the crews' screen marks
     * beside them (read by {@link DataCategory#flagsIn}).
     */
    public Map<String, List<DataCategory>> marks() {
        Map<String, List<DataCategory>> marks = new HashMap<>();
        resources.forEach((ref, stored) -> {
            List<DataCategory> flags = DataCategory.flagsIn(stored.held());
            if (!flags.isEmpty()) {
                marks.put(ref, flags);
            }
        });
        return marks;
    }

    /** The stored resource behind a row ({@code Type/id}), when it was read. */
    public Optional<StoredResource> resource(String ref) {
        return Optional.ofNullable(ref == null ? null : resources.get(ref));
    }
}
