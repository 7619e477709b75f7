package org.musubi.record.release;

import java.util.List;

/**
 * One person of a research release as the release reads them (issue 48): their key ({@link CohortSource#key}), their
 * resources as FHIR JSON — first the minimal Patient made here, then their released resources — and each resource's
 * data category (the access policy's name, e.g. {@code DIAGNOSES}; null for the Patient).
 */
public record ReleasedRecords(String personKey, List<String> resources, List<String> categories) {

    public ReleasedRecords {
        resources = List.copyOf(resources);
        categories = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(categories));
        if (categories.size() != resources.size()) {
            throw new IllegalArgumentException("one category per resource");
        }
    }
}
