package org.musubi.fhirapi.record;

import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.model.api.ResourceMetadataKeyEnum;
import ca.uhn.fhir.model.valueset.BundleEntrySearchModeEnum;
import ca.uhn.fhir.rest.annotation.ConditionalUrlParam;
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
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.hl7.fhir.instance.model.api.IAnyResource;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.musubi.audit.AuditAction;
import org.musubi.fhirapi.access.Caller;
import org.musubi.fhirapi.access.IfMatch;
import org.musubi.fhirapi.access.Refusals;
import org.musubi.fhirapi.access.ScopeTable;
import org.musubi.fhirapi.access.Scoped;
import org.musubi.fhirapi.response.StorePage;
import org.musubi.fhirapi.response.StoredJson;
import org.musubi.policy.Interaction;
import org.musubi.record.Located;
import org.musubi.record.NotOwner;
import org.musubi.record.PatientRef;
import org.musubi.record.ReadRecords;
import org.musubi.record.RecordQuery;
import org.musubi.record.StoredResource;
import org.musubi.record.WriteRecords;
import org.musubi.record.Written;

/**
 * One clinical resource type over the record store: read, vread, history, search within one
 * patient's record, create, update and delete of the caller's own facility's data, as the token's scopes allow
 * ({@link ScopeTable}). A subclass may answer searches without a patient ({@link #withoutPatient}); HAPI finds the
 * annotated methods of the superclasses too. Reads go through {@link ReadRecords} (the access policy, one audit row); writes through
 * {@link WriteRecords}.
 */
public class RecordResourceProvider implements IResourceProvider {

    private final Class<? extends IBaseResource> type;
    private final RecordProviderParts parts;

    public RecordResourceProvider(Class<? extends IBaseResource> type, RecordProviderParts parts) {
        this.type = type;
        this.parts = parts;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return type;
    }

    private String typeName() {
        return parts.resources().context().getResourceType(type);
    }

    @Read(version = true)
    public IBaseResource read(@IdParam IdType id) {
        Caller caller = caller(id.hasVersionIdPart() ? ScopeTable.VREAD : ScopeTable.READ);
        Integer version = id.hasVersionIdPart() && id.isVersionIdPartValidLong() ? id.getVersionIdPartAsLong().intValue() : null;
        Interaction<StoredResource> read = parts.reads().read(caller.reader(), typeName(), id.getIdPart(), version);
        StoredResource stored = parts.outcome(read, id);
        if (stored.deleted()) {
            throw new ResourceGoneException(id);
        }
        return parts.resources().toResource(stored);
    }

    @History
    public List<IBaseResource> history(@IdParam IdType id) {
        Caller caller = caller(ScopeTable.HISTORY);
        Interaction<List<StoredResource>> history = parts.reads().history(caller.reader(), typeName(), id.getIdPart());
        return parts.outcome(history, id).stream().map(parts.resources()::toResource).toList();
    }

    @Search
    public IBundleProvider search(@OptionalParam(name = "patient") ReferenceParam patient,
                                  @OptionalParam(name = "subject") ReferenceParam subject,
                                  @OptionalParam(name = "category") TokenOrListParam category,
                                  @OptionalParam(name = "code") TokenOrListParam code,
                                  @OptionalParam(name = "status") TokenOrListParam status,
                                  @OptionalParam(name = "identifier") TokenOrListParam identifier,
                                  @OptionalParam(name = "date") DateRangeParam date,
                                  @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated,
                                  @IncludeParam(allow = {"*"}) Set<Include> include,
                                  @Sort SortSpec sort, @Count Integer count, @Offset Integer offset,
                                  RequestDetails request) {
        return search(patient, subject, new Unanchored(category, code, status, identifier, date, lastUpdated, include,
                sort, count, offset), List.of(), request);
    }

    /**
     * A search of the record: {@code terms} and the {@code references} it asks besides (a Task's owner …, {@link
     * TaskResourceProvider}), within the patient asked (or the caller's own, for a patient's token).
     */
    protected IBundleProvider search(ReferenceParam patient, ReferenceParam subject, Unanchored terms,
                                     List<RecordQuery.TokenCondition> references, RequestDetails request) {
        Caller caller = Caller.current();
        Scoped scoped = caller.scoped(ScopeTable.SEARCH, parts.audit(), typeName());
        if (patient == null && subject == null && caller.patient() == null) {
            return withoutPatient(caller, terms);
        }
        Optional<PatientRef> asked = patient == null && subject == null && caller.patient() != null
                ? Optional.of(PatientRef.person(caller.patient()))
                : parts.patients().patient(caller, RecordQueries.patient(patient != null ? patient : subject));
        var query = RecordQueries.query(typeName(), terms, references);
        if (asked.isEmpty()) {
            parts.reads().missed(caller.reader(), AuditAction.SEARCH, typeName(), "patient");
            return new StorePage(List.of(), 0);
        }
        var found = parts.reads().everything(caller.reader(), asked.get(), query,
                scoped.narrow(parts.includes().of(typeName(), terms.include())));
        if (!found.permitted()) {
            return new StorePage(List.of(), 0); // a person the caller may not see answers as one without such records
        }
        var result = found.value();
        boolean raw = StoredJson.applies(request);
        Function<StoredResource, IBaseResource> convert = raw
                ? r -> StoredJson.placeholder(parts.resources().context(), r, request) : parts.resources()::toResource;
        List<IBaseResource> page = new ArrayList<>();
        result.found().resources().forEach(r -> page.add(mode(convert.apply(r), BundleEntrySearchModeEnum.MATCH)));
        result.included().forEach(r -> page.add(mode(convert.apply(r), BundleEntrySearchModeEnum.INCLUDE)));
        return new StorePage(page, (int) result.found().total());
    }

    /** What a search without {@code patient} (or {@code subject}) asked besides. */
    public record Unanchored(TokenOrListParam category, TokenOrListParam code, TokenOrListParam status,
                             TokenOrListParam identifier, DateRangeParam date, DateRangeParam lastUpdated,
                             Set<Include> include, SortSpec sort, Integer count, Integer offset) {
    }

    /**
     * A search without a patient: refused (400), as every search of the record is about one patient; a type that
     * answers such searches otherwise (IHE MHD's letters on DocumentReference and List) overrides it.
     */
    protected IBundleProvider withoutPatient(Caller caller, Unanchored terms) {
        throw RecordQueries.patientRequired();
    }

    private static IBaseResource mode(IBaseResource resource, BundleEntrySearchModeEnum mode) {
        ResourceMetadataKeyEnum.ENTRY_SEARCH_MODE.put((IAnyResource) resource, mode);
        return resource;
    }

    /**
     * A create; with {@code If-None-Exist} ({@code identifier=system|value}) a conditional one: when the caller's own
     * resource of this type has that identifier, 200 with it and nothing changed.
     */
    @Create
    public MethodOutcome create(@ResourceParam IBaseResource resource, @ConditionalUrlParam String ifNoneExist) {
        Caller caller = Caller.current();
        caller.scoped(ScopeTable.CREATE, parts.audit(), ScopeTable.written(resource));
        if (ifNoneExist == null || ifNoneExist.isBlank()) {
            return created(parts.write(caller, resource, null));
        }
        return parts.audit().allOrNothing(() -> {
            Optional<Located> found = parts.conditions().existing(resource.fhirType(), ifNoneExist,
                    caller.writingFacility());
            if (found.isEmpty()) {
                return created(parts.write(caller, resource, null));
            }
            parts.writes().matched(caller.reader(), found.get());
            MethodOutcome outcome = new MethodOutcome(new IdType(found.get().type(), found.get().id()));
            outcome.setCreated(false);
            return outcome;
        });
    }

    private static MethodOutcome created(Written written) {
        return new MethodOutcome(new IdType(written.type(), written.id(), String.valueOf(written.version())),
                written.change() == Written.Change.CREATED);
    }

    /**
     * An update of the resource {@code id} names; with {@code If-Match} a version-aware one (412 unless the resource is
     * at that version). A conditional update ({@code PUT Type?identifier=…}) is refused (400): Musubi does not take it.
     */
    @Update
    public MethodOutcome update(@IdParam IdType id, @ResourceParam IBaseResource resource,
                                @ConditionalUrlParam String condition) {
        Caller caller = Caller.current();
        caller.scoped(ScopeTable.UPDATE, parts.audit(), ScopeTable.written(resource));
        if (condition != null && !condition.isBlank() || id == null || !id.hasIdPart()) {
            throw new InvalidRequestException("条件付き更新には対応していません。更新する資源の id を URL に指定してください"
                    + " / Conditional update is not supported: name the resource to update by its id in the URL");
        }
        Written written = parts.write(caller, resource, id.getIdPart(), Set.of(), IfMatch.version(id));
        return new MethodOutcome(new IdType(written.type(), written.id(), String.valueOf(written.version())),
                written.change() == Written.Change.CREATED);
    }

    @Delete
    public MethodOutcome delete(@IdParam IdType id) {
        Caller caller = caller(ScopeTable.DELETE);
        if (id == null || !id.hasIdPart()) {
            throw new InvalidRequestException("削除する id を指定してください（条件付き削除には"
                    + "対応していません） / Name the id to delete (conditional delete is not supported)");
        }
        try {
            if (!parts.writes().delete(caller.reader(), typeName(), id.getIdPart())) {
                throw Refusals.notFound(id);
            }
        } catch (NotOwner e) {
            throw Refusals.notFound(id);
        }
        return new MethodOutcome(id);
    }

    /** The caller, refused (403, audited) unless the token's scopes allow the row on this provider's type. */
    private Caller caller(ScopeTable row) {
        return Caller.allowed(row, parts.audit(), typeName());
    }
}
