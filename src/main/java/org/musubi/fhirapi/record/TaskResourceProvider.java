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
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Task;
import org.musubi.record.RecordQuery;

/**
 * Task over the record store (issue 44): as every record type, and searched besides by R4's {@code owner},
 * {@code requester}, {@code focus} and {@code part-of} (a reference, {@code Type/id} or {@code id}; the indexer keeps
 * them, {@code KindTable}) and by {@code authored-on} (the Task's clinical date, as {@code date}). Every search is
 * within one patient's record, through the same door and with the same one audit row as any other.
 */
public class TaskResourceProvider extends RecordResourceProvider {

    public TaskResourceProvider(RecordProviderParts parts) {
        super(Task.class, parts);
    }

    @Search
    public IBundleProvider searchTasks(@OptionalParam(name = "patient") ReferenceParam patient,
                                       @OptionalParam(name = "subject") ReferenceParam subject,
                                       @OptionalParam(name = "category") TokenOrListParam category,
                                       @OptionalParam(name = "code") TokenOrListParam code,
                                       @OptionalParam(name = "status") TokenOrListParam status,
                                       @OptionalParam(name = "identifier") TokenOrListParam identifier,
                                       @OptionalParam(name = "date") DateRangeParam date,
                                       @OptionalParam(name = "authored-on") DateRangeParam authoredOn,
                                       @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated,
                                       @OptionalParam(name = "owner") ReferenceOrListParam owner,
                                       @OptionalParam(name = "requester") ReferenceOrListParam requester,
                                       @OptionalParam(name = "focus") ReferenceOrListParam focus,
                                       @OptionalParam(name = "part-of") ReferenceOrListParam partOf,
                                       @IncludeParam(allow = {"*"}) Set<Include> include,
                                       @Sort SortSpec sort, @Count Integer count, @Offset Integer offset,
                                       RequestDetails request) {
        if (date != null && authoredOn != null) {
            throw new InvalidRequestException("date と authored-on はどちらか一方を指定してください（Task の date は authoredOn です）"
                    + " / Give date or authored-on, not both (a Task's date is its authoredOn)");
        }
        List<RecordQuery.TokenCondition> references = new ArrayList<>();
        RecordQueries.references("owner", owner, references);
        RecordQueries.references("requester", requester, references);
        RecordQueries.references("focus", focus, references);
        RecordQueries.references("part-of", partOf, references);
        return search(patient, subject, new Unanchored(category, code, status, identifier, date != null ? date : authoredOn,
                lastUpdated, include, sort, count, offset), references, request);
    }
}
