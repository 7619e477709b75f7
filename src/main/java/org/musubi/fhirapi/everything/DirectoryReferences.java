package org.musubi.fhirapi.everything;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.musubi.record.ReadRecords;
import org.musubi.record.ResourceLookup;
import org.musubi.record.StoredResource;
import org.springframework.stereotype.Component;

/**
 * The directory resources (organizations, practitioners and their roles, locations, devices, medications …: a
 * dispensing's pharmacy and pharmacist, its prescriber's hospital and doctor, an encounter's ward) that resources
 * refer to ({@link org.musubi.record.fhir.ResourceKind#directory()}; a Device about a patient is the patient's data, not
 * a directory entry, and is not added here), found in their stored JSON
 * without parsing it: {@code $everything} returns them beside the person's resources, as R4 asks ("the
 * server also returns whatever resources are needed to support the records"), and the JAHIS export
 * writes their names and codes. The access policy judges them like every included resource.
 */
@Component
class DirectoryReferences {

    private static final Pattern REFERENCE = Pattern.compile("\"reference\":\"("
            + String.join("|", org.musubi.record.fhir.ResourceKind.types().stream()
                    .filter(t -> org.musubi.record.fhir.ResourceKind.of(t).orElseThrow().directory()).sorted().toList())
            + ")/([A-Za-z0-9\\-.]{1,64})\"");
    private final ResourceLookup store;

    DirectoryReferences(ResourceLookup store) {
        this.store = store;
    }

    /** As {@code $everything}'s includes: the references, read and judged by {@code ReadRecords}. */
    ReadRecords.Includes includes() {
        return this::references;
    }

    /** The live directory resources {@code found} refer to, each once, in the order first referred to. */
    List<StoredResource> referencedBy(List<StoredResource> found) {
        List<StoredResource> referenced = new ArrayList<>();
        for (String ref : references(found)) {
            int slash = ref.indexOf('/');
            store.directoryEntry(ref.substring(0, slash), ref.substring(slash + 1)).ifPresent(referenced::add);
        }
        return referenced;
    }

    /** The directory references ({@code Type/id}) in {@code found}, each once, in the order first referred to. */
    private List<String> references(List<StoredResource> found) {
        Set<String> refs = new LinkedHashSet<>();
        for (StoredResource resource : found) {
            Matcher m = REFERENCE.matcher(resource.json());
            while (m.find()) {
                refs.add(m.group(1) + "/" + m.group(2));
            }
        }
        return List.copyOf(refs);
    }
}
