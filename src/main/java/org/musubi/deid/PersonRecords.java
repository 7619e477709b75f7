package org.musubi.deid;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One person's resources as FHIR JSON, the unit the pipeline works on (issue 48, deid), with each resource's data
 * category (the access policy's name, e.g. {@code DIAGNOSES}; null where none applies, as for the person's Patient):
 * what a project's approved fields per category are matched against ({@link DeidPipeline#keepingOnly}).
 */
public record PersonRecords(String personKey, List<String> resources, List<String> categories) {

    public PersonRecords {
        resources = List.copyOf(resources);
        if (categories == null) {
            categories = Collections.nCopies(resources.size(), null);
        } else if (categories.size() != resources.size()) {
            throw new IllegalArgumentException("one category per resource");
        } else {
            categories = Collections.unmodifiableList(new ArrayList<>(categories));
        }
    }

    /** Resources without categories (no field list applies to them). */
    public PersonRecords(String personKey, List<String> resources) {
        this(personKey, resources, null);
    }

    /** The category of the {@code i}-th resource, or null. */
    public String category(int i) {
        return categories.get(i);
    }
}
