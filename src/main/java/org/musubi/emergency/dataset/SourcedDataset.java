package org.musubi.emergency.dataset;

import java.util.Map;
import java.util.Optional;
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

    /** The stored resource behind a row ({@code Type/id}), when it was read. */
    public Optional<StoredResource> resource(String ref) {
        return Optional.ofNullable(ref == null ? null : resources.get(ref));
    }
}
