package org.musubi.fhirapi.mhd;

import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.model.api.annotation.Description;
import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.Delete;
import ca.uhn.fhir.rest.annotation.History;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.IncludeParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Sort;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.musubi.fhirapi.access.Caller;
import org.musubi.fhirapi.record.RecordResourceProvider;

/**
 * DocumentReference or List: the record's own (read, history, writes, and searches with {@code patient} or
 * {@code subject}, as {@link RecordResourceProvider} serves every type) and, searched without a patient, the letters
 * to and from the caller's facility as MHD shows them (ITI-67, ITI-66; {@link LetterSearches}). A resident's app is
 * always about its own person, so its searches stay the record's.
 */
public class MhdResourceProvider implements IResourceProvider {

    private final RecordResourceProvider records;
    private final LetterSearches letters;
    private final String type;

    MhdResourceProvider(RecordResourceProvider records, LetterSearches letters, String type) {
        this.records = records;
        this.letters = letters;
        this.type = type;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return records.getResourceType();
    }

    @Read(version = true)
    public IBaseResource read(@IdParam IdType id) {
        return records.read(id);
    }

    @History
    public List<IBaseResource> history(@IdParam IdType id) {
        return records.history(id);
    }

    @Search
    public IBundleProvider search(@OptionalParam(name = "patient") ReferenceParam patient,
                                  @OptionalParam(name = "subject") ReferenceParam subject,
                                  @OptionalParam(name = "category") TokenOrListParam category,
                                  @OptionalParam(name = "code") TokenOrListParam code,
                                  @Description(shortDefinition = "DocumentReference: the document type (JP-CLINS doc-typecodes or "
                                          + "urn:musubi:letter-type); as code= in the record")
                                  @OptionalParam(name = "type") TokenOrListParam documentType,
                                  @OptionalParam(name = "status") TokenOrListParam status,
                                  @OptionalParam(name = "identifier") TokenOrListParam identifier,
                                  @OptionalParam(name = "date") DateRangeParam date,
                                  @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated,
                                  @IncludeParam(allow = {"*"}) Set<Include> include,
                                  @Sort SortSpec sort, @Count Integer count, @Offset Integer offset,
                                  RequestDetails request) {
        boolean document = type.equals("DocumentReference");
        if (documentType != null && !document) {
            throw new InvalidRequestException("type は DocumentReference の検索パラメータです / type is a search parameter of "
                    + "DocumentReference");
        }
        if (patient != null || subject != null || Caller.current().patient() != null) {
            if (documentType != null && code != null) {
                throw new InvalidRequestException("type と code は同じ検索です。片方だけ指定してください / type and code "
                        + "search the same: give one of them");
            }
            return records.search(patient, subject, category, documentType != null ? documentType : code, status,
                    identifier, date, lastUpdated, include, sort, count, offset, request);
        }
        if (category != null || identifier != null || date != null || (document && code != null)
                || (include != null && !include.isEmpty()) || sort != null || offset != null) {
            throw new InvalidRequestException("手紙の検索（patient なし）に使えるのは _lastUpdated、status、"
                    + (document ? "type" : "code") + "、_count です / A search of letters (without patient) takes "
                    + "_lastUpdated, status, " + (document ? "type" : "code") + " and _count");
        }
        return letters.search(Caller.current(), type, new LetterSearches.Terms(lastUpdated, status,
                document ? documentType : code, count));
    }

    @Create
    public MethodOutcome create(@ResourceParam IBaseResource resource) {
        return records.create(resource);
    }

    @Update
    public MethodOutcome update(@IdParam IdType id, @ResourceParam IBaseResource resource) {
        return records.update(id, resource);
    }

    @Delete
    public MethodOutcome delete(@IdParam IdType id) {
        return records.delete(id);
    }
}
