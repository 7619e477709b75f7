package org.musubi.emergency.dataset;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.musubi.policy.DataCategory;
import org.musubi.policy.PersonView;
import org.musubi.record.StoredResource;
import org.musubi.record.fhir.FhirSystems;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A person's emergency minimum dataset with the stored resources it was read from (by {@code Type/id}, as the rows'
 * {@code ref} name them) and the view the policy opened the person by: what a FHIR document of the dataset is made of.
 */
public record SourcedDataset(EmergencyDataset dataset, PersonView view, Map<String, StoredResource> resources) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

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

    /**
     * The reasons of the person's active disaster-help flags (避難行動要支援者, code {@link
     * FhirSystems#EVACUATION_SUPPORT}; issue 44) among what was read, kept by a care manager or the municipality: what
     * the dataset shows responders while disaster mode is on (an empty reason reads as the empty string).
     */
    public List<String> disasterHelp() {
        List<String> reasons = new ArrayList<>();
        resources.values().stream().filter(r -> r.type().equals("Flag") && !r.deleted())
                .sorted(java.util.Comparator.comparing(StoredResource::id)).forEach(r -> {
                    JsonNode flag = JSON.readTree(r.json());
                    boolean ours = false;
                    for (JsonNode coding : flag.path("code").path("coding")) {
                        ours |= FhirSystems.DISASTER_SUPPORT.equals(coding.path("system").asString(null))
                                && FhirSystems.EVACUATION_SUPPORT.equals(coding.path("code").asString(null));
                    }
                    if (ours && "active".equals(flag.path("status").asString(null))) {
                        reasons.add(flag.path("code").path("text").asString(""));
                    }
                });
        return reasons;
    }

    /** The stored resource behind a row ({@code Type/id}), when it was read. */
    public Optional<StoredResource> resource(String ref) {
        return Optional.ofNullable(ref == null ? null : resources.get(ref));
    }
}
