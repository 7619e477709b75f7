package org.musubi.fhirapi.record;

import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Reference;
import org.musubi.fhirapi.store.RecordResources;
import org.musubi.record.ReadRecords;
import org.musubi.record.StoredResource;
import org.musubi.record.read.Includes;
import org.springframework.stereotype.Component;

/**
 * {@code _include}: the resources a page of matches refers to through the named search parameter,
 * e.g. {@code Observation:encounter}, {@code Observation:performer}, {@code MedicationRequest:medication},
 * {@code MedicationRequest:requester}, {@code Encounter:service-provider}. The access policy judges each
 * included resource like any other ({@link ReadRecords}).
 */
@Component
class IncludedReferences {

    static final Map<String, String> PATHS = Map.of(
            "encounter", "encounter", "performer", "performer", "requester", "requester",
            "medication", "medication[x]", "recorder", "recorder", "asserter", "asserter",
            "service-provider", "serviceProvider", "organization", "organization", "practitioner", "practitioner",
            "specimen", "specimen");

    private final RecordResources resources;

    IncludedReferences(RecordResources resources) {
        this.resources = resources;
    }

    Includes of(String type, Set<Include> includes) {
        if (includes == null || includes.isEmpty()) {
            return Includes.NONE;
        }
        List<String> paths = new ArrayList<>();
        for (Include include : includes) {
            String param = include.getParamName();
            if (!type.equals(include.getParamType()) || param == null || !PATHS.containsKey(param)) {
                throw new InvalidRequestException("対応していない _include です: " + include.getValue()
                        + " / Unsupported _include " + include.getValue() + " (supported: " + type + ":"
                        + String.join(", " + type + ":", PATHS.keySet().stream().sorted().toList()) + ")");
            }
            paths.add(PATHS.get(param));
        }
        return found -> referenced(found, paths);
    }

    private List<String> referenced(List<StoredResource> found, List<String> paths) {
        Set<String> included = new LinkedHashSet<>();
        for (StoredResource stored : found) {
            IBaseResource resource = resources.parser().parseResource(stored.json());
            for (String path : paths) {
                for (Reference reference : resources.context().newTerser().getValues(resource, path, Reference.class)) {
                    String ref = reference.getReference();
                    if (ref != null && ref.matches("[A-Z][A-Za-z]+/[A-Za-z0-9\\-.]{1,64}")) {
                        included.add(ref);
                    }
                }
            }
        }
        return List.copyOf(included);
    }
}
