package org.musubi.fhirapi.everything;

import ca.uhn.fhir.model.api.ResourceMetadataKeyEnum;
import ca.uhn.fhir.model.valueset.BundleEntrySearchModeEnum;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IAnyResource;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Patient;
import org.musubi.audit.AuditAction;
import org.musubi.fhirapi.access.Caller;
import org.musubi.fhirapi.access.Refusals;
import org.musubi.fhirapi.access.ScopeTable;
import org.musubi.fhirapi.access.Scoped;
import org.musubi.fhirapi.person.OpenedPerson;
import org.musubi.fhirapi.person.PersonOpener;
import org.musubi.fhirapi.record.RecordProviderParts;
import org.musubi.fhirapi.response.StorePage;
import org.musubi.record.RecordQuery;
import org.springframework.stereotype.Component;

/**
 * {@code Patient/<id>/$everything} as HAPI serves it (XML, {@code _pretty} …; plain JSON takes {@link EverythingJson}):
 * the person, then one page of their record, then the directory resources the page refers to ({@link EverythingPages}).
 */
@Component
public class EverythingProvider implements IResourceProvider {

    private final EverythingPages pages;
    private final PersonOpener opener;
    private final RecordProviderParts parts;

    EverythingProvider(EverythingPages pages, PersonOpener opener, RecordProviderParts parts) {
        this.pages = pages;
        this.opener = opener;
        this.parts = parts;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return Patient.class;
    }

    /**
     * Everything the caller may see of one person, across all of the person's facility patients (asked by the
     * person's id; or by the id of the caller's own Patient, which without standing is that patient's own data only),
     * newest first; paged with {@code _count} (default 1000) and {@code _offset}; the directory resources
     * the page refers to follow it ({@link DirectoryReferences}). Only the types the token's scopes allow
     * ({@link ScopeTable#EVERYTHING}). One audit row.
     */
    @Operation(name = "$everything", idempotent = true)
    public IBundleProvider everything(@IdParam IdType id, @OperationParam(name = "_count") IntegerType count,
                                      @OperationParam(name = "_offset") IntegerType offset) {
        Caller caller = Caller.current();
        Scoped scoped = caller.scoped(ScopeTable.EVERYTHING, parts.audit());
        var asked = parts.patients().patient(caller, id.getIdPart());
        if (asked.isEmpty()) {
            parts.reads().missed(caller.reader(), AuditAction.SEARCH, "everything", id.getIdPart());
            throw Refusals.notFound(id);
        }
        int size = count == null || count.getValue() == null ? 1000
                : Math.max(1, Math.min(count.getValue(), RecordQuery.MAX_PAGE));
        int from = offset == null || offset.getValue() == null ? 0 : Math.max(0, offset.getValue());
        var page = pages.page(caller, scoped, asked.get(), id, size, from);
        var found = page.found();
        List<IBaseResource> resources = new ArrayList<>();
        if (from == 0) {
            OpenedPerson o = opener.opened(caller, page.view());
            resources.add(opener.patient(o));
        }
        found.resources().forEach(r -> resources.add(parts.resources().toResource(r)));
        for (var included : page.included()) {
            IBaseResource resource = parts.resources().toResource(included);
            ResourceMetadataKeyEnum.ENTRY_SEARCH_MODE.put((IAnyResource) resource, BundleEntrySearchModeEnum.INCLUDE);
            resources.add(resource);
        }
        return new StorePage(resources, (int) found.total() + 1);
    }
}
