package org.musubi.fhirapi.everything;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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

    private static final String REFERENCE = "\"reference\":\"";
    private static final Set<String> DIRECTORY = Set.copyOf(org.musubi.record.fhir.ResourceKind.types().stream()
            .filter(t -> org.musubi.record.fhir.ResourceKind.of(t).orElseThrow().directory()).toList());
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
            addReferences(resource.json(), refs);
        }
        return List.copyOf(refs);
    }

    /** Adds the directory references ({@code Type/id}) in one stored text to {@code refs}, in the order they stand. */
    static void addReferences(String json, Set<String> refs) {
        for (int at = json.indexOf(REFERENCE); at >= 0; at = json.indexOf(REFERENCE, at + 1)) {
            String ref = directoryReference(json, at + REFERENCE.length());
            if (ref != null) {
                refs.add(ref);
            }
        }
    }

    /**
     * The {@code Type/id} a reference's value starting at {@code from} holds when the type is a directory type and the id
     * a FHIR id ({@code [A-Za-z0-9\-.]{1,64}}) closed by the value's quote; otherwise null. (A scan by
     * {@link String#indexOf}, several times faster on the long texts of a whole record than the equivalent pattern.)
     */
    private static String directoryReference(String json, int from) {
        int slash = json.indexOf('/', from);
        if (slash < 0 || slash - from > 24 || !DIRECTORY.contains(json.substring(from, slash))) {
            return null;
        }
        int end = slash + 1;
        while (end < json.length() && end - slash <= 65 && isIdChar(json.charAt(end))) {
            end++;
        }
        int length = end - slash - 1;
        return length >= 1 && length <= 64 && end < json.length() && json.charAt(end) == '"' ? json.substring(from, end) : null;
    }

    private static boolean isIdChar(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.';
    }
}
