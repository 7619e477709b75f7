package org.musubi.fhirapi.incoming;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.musubi.record.fhir.Fault;

/**
 * What the validation of a request body found, kept on the parsed resources (as HAPI user data) until
 * they are written: on the resource itself, or for a Bundle on each entry's resource (its elements
 * made relative to it: {@code Bundle.entry[2].resource.status} becomes {@code Observation.status}),
 * the rest on the Bundle. An empty list means "validated, nothing found".
 */
public final class BodyFaults {

    private static final String KEY = "musubi.bodyFaults";
    private static final Pattern IN_RESOURCE = Pattern.compile("^Bundle\\.entry\\[(\\d+)]\\.resource(\\..*)?$");
    private static final Pattern IN_ENTRY = Pattern.compile("^Bundle\\.entry\\[(\\d+)](\\..*)?$");
    /** The validator's texts (Bundle_BUNDLE_Entry_NoFullUrl, Bundle_BUNDLE_FullUrl_Missing) for an entry without fullUrl. */
    private static final Set<String> NO_FULL_URL = Set.of("Bundle entry missing fullUrl",
            "Relative Reference appears inside Bundle whose entry is missing a fullUrl");

    private BodyFaults() {
    }

    static void attach(IBaseResource parsed, List<Fault> faults) {
        if (!(parsed instanceof Bundle bundle)) {
            parsed.setUserData(KEY, List.copyOf(faults));
            return;
        }
        List<List<Fault>> byEntry = new ArrayList<>();
        bundle.getEntry().forEach(e -> byEntry.add(new ArrayList<>()));
        List<Fault> rest = new ArrayList<>();
        for (Fault fault : faults) {
            Matcher m = IN_RESOURCE.matcher(fault.element());
            int index = m.matches() ? Integer.parseInt(m.group(1)) : -1;
            if (postWithoutFullUrl(bundle, fault)) {
                continue;
            } else if (index >= 0 && index < byEntry.size() && bundle.getEntry().get(index).getResource() != null) {
                String type = bundle.getEntry().get(index).getResource().fhirType();
                byEntry.get(index).add(fault.at(type + (m.group(2) == null ? "" : m.group(2))));
            } else {
                rest.add(fault);
            }
        }
        for (int i = 0; i < byEntry.size(); i++) {
            Resource resource = bundle.getEntry().get(i).getResource();
            if (resource != null) {
                resource.setUserData(KEY, List.copyOf(byEntry.get(i)));
            }
        }
        bundle.setUserData(KEY, List.copyOf(rest));
    }

    /** What was found for this resource, or null when it was not validated as part of a body. */
    static List<Fault> of(IBaseResource resource) {
        return resource.getUserData(KEY) instanceof List<?> faults ? faults.stream().map(Fault.class::cast).toList() : null;
    }

    /** A copy of the resource that keeps what was found (for a Bundle, its entries' too). */
    public static <T extends Resource> T copyOf(T resource) {
        @SuppressWarnings("unchecked")
        T copy = (T) resource.copy();
        copy.setUserData(KEY, resource.getUserData(KEY));
        if (resource instanceof Bundle bundle && copy instanceof Bundle copied) {
            for (int i = 0; i < bundle.getEntry().size(); i++) {
                if (bundle.getEntry().get(i).getResource() != null) {
                    copied.getEntry().get(i).getResource().setUserData(KEY, bundle.getEntry().get(i).getResource().getUserData(KEY));
                }
            }
        }
        return copy;
    }

    /**
     * "fullUrl can be empty on a POST" (R4, Bundle.entry.fullUrl); HAPI's validator still wants one
     * in transactions and batches as soon as the entry holds a relative or conditional reference
     * ({@code Patient?identifier=…}), which is how facility systems write. Not a fault on a POST entry.
     */
    private static boolean postWithoutFullUrl(Bundle bundle, Fault fault) {
        Matcher m = IN_ENTRY.matcher(fault.element());
        if (!m.matches() || !NO_FULL_URL.contains(fault.english())) {
            return false;
        }
        int index = Integer.parseInt(m.group(1));
        return index < bundle.getEntry().size()
                && bundle.getEntry().get(index).getRequest().getMethod() == Bundle.HTTPVerb.POST;
    }
}
