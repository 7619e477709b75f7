package org.musubi.fhirapi.mhd;

import ca.uhn.fhir.model.api.annotation.Description;
import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import org.hl7.fhir.r4.model.DocumentReference;
import org.musubi.fhirapi.access.Caller;
import org.musubi.fhirapi.record.RecordProviderParts;

/**
 * DocumentReference as {@link MhdResourceProvider} serves it, and searched by {@code type} (ITI-67's document type):
 * with a patient, the record's DocumentReferences of that type ({@code code} in the record's index); without, the
 * letters of that type. HAPI sends a search naming {@code type} here and every other to the record's search.
 */
public class MhdDocumentReferenceProvider extends MhdResourceProvider {

    MhdDocumentReferenceProvider(RecordProviderParts parts, LetterSearches letters, BoxSearches boxes) {
        super(DocumentReference.class, parts, letters, boxes);
    }

    @Search
    public IBundleProvider searchByType(@Description(shortDefinition = "the document type: JP-CLINS doc-typecodes "
                                                + "(57133-1, 18842-5) or urn:musubi:letter-type")
                                        @RequiredParam(name = "type") TokenOrListParam type,
                                        @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated,
                                        @OptionalParam(name = "status") TokenOrListParam status,
                                        @OptionalParam(name = "patient") ReferenceParam patient,
                                        @OptionalParam(name = "subject") ReferenceParam subject,
                                        @Count Integer count, RequestDetails request) {
        Caller caller = Caller.current();
        if (patient == null && subject == null && caller.patient() == null) {
            return letters(caller, new Unanchored(null, null, status, null, null, lastUpdated, null, null, count, null),
                    type);
        }
        return search(patient, subject, null, type, status, null, null, lastUpdated, null, null, count, null, request);
    }
}
