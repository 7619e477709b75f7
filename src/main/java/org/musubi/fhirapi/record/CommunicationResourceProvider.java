package org.musubi.fhirapi.record;

import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IncludeParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Sort;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Communication;
import org.musubi.record.RecordQuery;

/**
 * Communication over the record store (issue 44): as every record type, and searched besides by R4's {@code part-of}
 * (a reference, {@code Type/id} or {@code id}; the indexer keeps it, {@code KindTable}) — the messages of a thread,
 * such as a case consultation's ({@code Communication?patient=…&part-of=Communication/<header>}). Every search is
 * within one patient's record, through the same door and with the same one audit row as any other.
 */
public class CommunicationResourceProvider extends RecordResourceProvider {

    public CommunicationResourceProvider(RecordProviderParts parts) {
        super(Communication.class, parts);
    }

    @Search
    public IBundleProvider searchCommunications(@OptionalParam(name = "patient") ReferenceParam patient,
                                                @OptionalParam(name = "subject") ReferenceParam subject,
                                                @OptionalParam(name = "category") TokenOrListParam category,
                                                @OptionalParam(name = "code") TokenOrListParam code,
                                                @OptionalParam(name = "status") TokenOrListParam status,
                                                @OptionalParam(name = "identifier") TokenOrListParam identifier,
                                                @OptionalParam(name = "date") DateRangeParam date,
                                                @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated,
                                                @OptionalParam(name = "part-of") ReferenceOrListParam partOf,
                                                @IncludeParam(allow = {"*"}) Set<Include> include,
                                                @Sort SortSpec sort, @Count Integer count, @Offset Integer offset,
                                                RequestDetails request) {
        List<RecordQuery.TokenCondition> references = new ArrayList<>();
        RecordQueries.references("part-of", partOf, references);
        return search(patient, subject, new Unanchored(category, code, status, identifier, date, lastUpdated, include,
                sort, count, offset), references, request);
    }
}
