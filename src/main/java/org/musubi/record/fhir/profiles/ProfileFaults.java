package org.musubi.record.fhir.profiles;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.Resource;
import org.musubi.record.fhir.Fault;

/**
 * Names the profile each validator fault comes from, in both languages of the fault ({@code プロファイル <url>} /
 * {@code profile <url>}): the profile the validator's message names ({@code (from <url>)}), else the first profile
 * of the packages that the resource holding the element claims in {@code meta.profile} (in a Bundle, the entry's
 * own resource), else base FHIR R4.
 */
public final class ProfileFaults {

    /** What a fault of no package profile names. */
    public static final String BASE = "http://hl7.org/fhir/StructureDefinition (FHIR R4)";
    private static final Pattern FROM = Pattern.compile("\\(from (\\S+?)\\)");
    private static final Pattern ENTRY = Pattern.compile("^Bundle\\.entry\\[(\\d+)]\\.resource");

    private ProfileFaults() {
    }

    /** The faults, each naming its profile. */
    public static List<Fault> named(List<Fault> faults, IBaseResource root, ProfilePackages packages) {
        return faults.stream().map(f -> named(f, root, packages)).toList();
    }

    static Fault named(Fault fault, IBaseResource root, ProfilePackages packages) {
        String profile = profile(fault, root, packages);
        return new Fault(fault.element(), fault.issueType(), fault.japanese() + "（プロファイル " + profile + "）",
                fault.english() + " (profile " + profile + ")");
    }

    /** The profile behind a fault (see the class). */
    public static String profile(Fault fault, IBaseResource root, ProfilePackages packages) {
        Matcher from = FROM.matcher(fault.english());
        while (from.find()) {
            if (packages.holdsProfile(from.group(1))) {
                return from.group(1);
            }
        }
        return claimed(holder(root, fault.element()), packages)
                .or(() -> claimed(root, packages)).orElse(BASE);
    }

    /** The resource the element is in: a Bundle entry's resource (nested Bundles too), else the root. */
    private static IBaseResource holder(IBaseResource root, String element) {
        IBaseResource at = root;
        String path = element == null ? "" : element;
        Matcher m = ENTRY.matcher(path);
        while (at instanceof Bundle bundle && m.find()) {
            int index = Integer.parseInt(m.group(1));
            if (index >= bundle.getEntry().size() || bundle.getEntry().get(index).getResource() == null) {
                break;
            }
            at = bundle.getEntry().get(index).getResource();
            path = at.fhirType() + path.substring(m.end());
            m = ENTRY.matcher(path);
        }
        return at;
    }

    private static Optional<String> claimed(IBaseResource resource, ProfilePackages packages) {
        if (!(resource instanceof Resource r)) {
            return Optional.empty();
        }
        return r.getMeta().getProfile().stream().map(CanonicalType::getValue)
                .filter(packages::holdsProfile).findFirst();
    }
}
