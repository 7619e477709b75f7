package org.musubi.fhirapi.everything;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.musubi.record.ReadRecords;
import org.musubi.record.ResourceLookup;
import org.musubi.record.StoredResource;
import org.musubi.record.fhir.DirectoryLinks;
import org.musubi.record.read.Includes;
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

    private final ResourceLookup store;

    DirectoryReferences(ResourceLookup store) {
        this.store = store;
    }

    /** As {@code $everything}'s includes: the references, read and judged by {@code ReadRecords}. */
    Includes includes() {
        return DirectoryLinks::in;
    }

    /** The live directory resources {@code found} refer to, each once, in the order first referred to. */
    List<StoredResource> referencedBy(List<StoredResource> found) {
        List<StoredResource> referenced = new ArrayList<>();
        for (String ref : DirectoryLinks.in(found)) {
            int slash = ref.indexOf('/');
            store.directoryEntry(ref.substring(0, slash), ref.substring(slash + 1)).ifPresent(referenced::add);
        }
        return referenced;
    }

    /** Adds the directory references ({@code Type/id}) in one stored text to {@code refs} ({@link DirectoryLinks}). */
    static void addReferences(String json, Set<String> refs) {
        DirectoryLinks.addTo(json, refs);
    }
}
