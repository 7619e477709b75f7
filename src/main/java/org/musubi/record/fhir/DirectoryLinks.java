package org.musubi.record.fhir;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.musubi.record.StoredResource;

/**
 * The directory references ({@code Type/id} of an Organization, Practitioner, PractitionerRole, Location, Medication …:
 * {@link ResourceKind#directory()}) that stored texts hold, found without parsing them: for the resources a person's
 * dispensings refer to (their pharmacy, pharmacist, prescriber), which {@code $everything}, the FHIR API's and the
 * health notebook's JAHIS exports read beside the person's own resources.
 */
public final class DirectoryLinks {

    private static final String REFERENCE = "\"reference\":\"";
    private static final Set<String> DIRECTORY = Set.copyOf(ResourceKind.types().stream()
            .filter(t -> ResourceKind.of(t).orElseThrow().directory()).toList());

    private DirectoryLinks() {
    }

    /** The directory references in {@code found}, each once, in the order first referred to. */
    public static List<String> in(List<StoredResource> found) {
        Set<String> refs = new LinkedHashSet<>();
        for (StoredResource resource : found) {
            addTo(resource.json(), refs);
        }
        return List.copyOf(refs);
    }

    /** Adds the directory references ({@code Type/id}) in one stored text to {@code refs}, in the order they stand. */
    public static void addTo(String json, Set<String> refs) {
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
