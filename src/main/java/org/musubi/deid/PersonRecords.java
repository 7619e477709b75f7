package org.musubi.deid;

import java.util.List;

/** One person's resources as FHIR JSON, the unit the pipeline works on (issue 48, deid). */
public record PersonRecords(String personKey, List<String> resources) {

    public PersonRecords {
        resources = List.copyOf(resources);
    }
}
