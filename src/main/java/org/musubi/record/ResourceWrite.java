package org.musubi.record;

import java.util.Objects;
import org.musubi.policy.DataCategory;

/**
 * A resource to store. With an {@code id}, that resource gets a new version (or is created with that
 * id); with a {@code sourceKey} and no id, the resource the facility sent under that key before gets a
 * new version, or a new one is created. A write whose content equals the current version changes
 * nothing (idempotent).
 */
public record ResourceWrite(long patientKey, String type, String id, String sourceKey, long sourceFacilityId,
                            DataCategory category, String json, SearchIndex index) {

    public ResourceWrite {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(index, "index");
    }

    public ResourceWrite withId(String newId) {
        return new ResourceWrite(patientKey, type, newId, sourceKey, sourceFacilityId, category, json, index);
    }

    public ResourceWrite withJson(String newJson) {
        return new ResourceWrite(patientKey, type, id, sourceKey, sourceFacilityId, category, newJson, index);
    }
}
