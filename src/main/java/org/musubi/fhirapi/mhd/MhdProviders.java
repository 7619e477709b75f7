package org.musubi.fhirapi.mhd;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import java.util.Set;
import org.musubi.fhirapi.record.RecordProviderParts;
import org.musubi.fhirapi.record.RecordResourceProvider;
import org.springframework.stereotype.Component;

/** The MHD providers, each serving its type of the record too: they replace the record's providers of these types. */
@Component
public record MhdProviders(RecordProviderParts parts, LetterSearches letters) {

    /** The types these providers serve. */
    public static final Set<String> TYPES = Set.of("DocumentReference", "List");

    public List<IResourceProvider> resourceProviders() {
        FhirContext context = parts.resources().context();
        return TYPES.stream().sorted().map(type -> (IResourceProvider) new MhdResourceProvider(new RecordResourceProvider(
                context.getResourceDefinition(type).getImplementingClass(), parts), letters, type)).toList();
    }
}
