package org.musubi.record.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.musubi.record.Found;
import org.musubi.record.Reader;
import org.musubi.record.StoredResource;

/**
 * The one step between the store and a reader: the resource without identifiers in the insured-person system
 * (wherever in its JSON: a Patient, a Bundle's entries, contained resources, a reference), unless the reader acts
 * for the facility that sent it — that facility reads back what it sent; another facility, a resident, anyone of no
 * facility ({@code reader} null: a glance, whoever it is for) never sees the number (docs/no-ehr.md). Every resource
 * the record's read doors hand out passes here.
 */
public final class Shown {

    private Shown() {
    }

    /** The resource as {@code reader} is shown it. */
    public static StoredResource shown(Reader reader, StoredResource resource) {
        return resource == null || reader != null && reader.actsFor(resource.sourceFacilityId()) ? resource
                : resource.withoutInsuredNumbers();
    }

    /** {@link #shown(Reader, StoredResource)} of each. */
    public static List<StoredResource> shown(Reader reader, List<StoredResource> resources) {
        return resources.stream().map(r -> shown(reader, r)).collect(Collectors.toCollection(ArrayList::new));
    }

    /** {@link #shown(Reader, StoredResource)} of each resource found. */
    public static Found shown(Reader reader, Found found) {
        return new Found(shown(reader, found.resources()), found.total());
    }
}
