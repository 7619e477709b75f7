package org.musubi.fhirapi.mhd;

import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.ListResource;
import org.musubi.fhirapi.record.RecordProviderParts;
import org.springframework.stereotype.Component;

/**
 * The MHD providers (letters, and Box files on DocumentReference), each serving its type of the record too: they replace
 * the record's providers of these types.
 */
@Component
public record MhdProviders(RecordProviderParts parts, LetterSearches letters, BoxSearches boxes) {

    /** The types these providers serve. */
    public static final Set<String> TYPES = Set.of("DocumentReference", "List");

    public List<IResourceProvider> resourceProviders() {
        return List.of(new MhdDocumentReferenceProvider(parts, letters, boxes),
                new MhdResourceProvider(ListResource.class, parts, letters, boxes));
    }
}
