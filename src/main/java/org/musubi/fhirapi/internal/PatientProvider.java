package org.musubi.fhirapi.internal;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.UriType;
import org.musubi.audit.Audit;
import org.springframework.stereotype.Component;

/**
 * Patient as the network's regional persons: read, PDQm search (ITI-78), PDQm {@code $match} (ITI-119)
 * and PIXm {@code $ihe-pix} (ITI-83). Every person shown passed the access policy (audited); persons
 * the caller may not see are left out of searches and refused on read.
 */
@Component
public class PatientProvider implements IResourceProvider {

    static final String MATCH_GRADE = "http://hl7.org/fhir/StructureDefinition/match-grade";
    private final PersonOpener opener;
    private final PersonPatients patients;
    private final PatientSearch search;
    private final PixQuery pix;
    private final PatientMatches matches;
    private final Audit audit;
    private final SourcePatientRegistration registration;
    private final RecordProviderParts parts;
    private final org.musubi.identity.IdentityStore identities;
    private final EverythingPages pages;

    PatientProvider(PersonOpener opener, PersonPatients patients, PatientSearch search, PixQuery pix,
                    PatientMatches matches, Audit audit, SourcePatientRegistration registration,
                    RecordProviderParts parts, org.musubi.identity.IdentityStore identities, EverythingPages pages) {
        this.identities = identities;
        this.pages = pages;
        this.registration = registration;
        this.parts = parts;
        this.opener = opener;
        this.patients = patients;
        this.search = search;
        this.pix = pix;
        this.matches = matches;
        this.audit = audit;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return Patient.class;
    }

    /** A regional person (numeric id), or a facility's own Patient as it sent it (UUID id). */
    @Read(version = true)
    public Patient read(@IdParam IdType id) {
        Caller caller = caller(id.hasVersionIdPart() ? ScopeTable.VREAD : ScopeTable.READ);
        if (!id.isIdPartValidLong()) {
            Integer version = id.hasVersionIdPart() && id.isVersionIdPartValidLong()
                    ? id.getVersionIdPartAsLong().intValue() : null;
            var stored = parts.outcome(parts.reads().read(caller.reader(), "Patient", id.getIdPart(), version), id);
            return (Patient) parts.resources().toResource(stored);
        }
        OpenedPerson opened = opener.open(caller, id.getIdPartAsLong()).orElseThrow(() -> Refusals.notFound(id));
        return patients.toPatient(opened.person(), opened.visible(), opened.ownOnly());
    }

    @Search
    public List<Patient> search(@OptionalParam(name = "_id") TokenParam id,
                                @OptionalParam(name = Patient.SP_IDENTIFIER) TokenParam identifier,
                                @OptionalParam(name = Patient.SP_FAMILY) StringParam family,
                                @OptionalParam(name = Patient.SP_GIVEN) StringParam given,
                                @OptionalParam(name = Patient.SP_BIRTHDATE) DateParam birthDate,
                                @OptionalParam(name = Patient.SP_GENDER) TokenParam gender,
                                @OptionalParam(name = Patient.SP_TELECOM) TokenParam telecom,
                                @OptionalParam(name = Patient.SP_ADDRESS_POSTALCODE) StringParam postalCode) {
        Caller caller = caller(ScopeTable.PDQM_SEARCH);
        return search.find(caller, new PatientSearch.Criteria(value(id), identifier, value(family), value(given),
                birthDate, value(gender), value(telecom), value(postalCode)));
    }

    /** A facility registers its own patient (with its own patient ID); matching links it to a person. */
    @ca.uhn.fhir.rest.annotation.Create
    public ca.uhn.fhir.rest.api.MethodOutcome create(@ca.uhn.fhir.rest.annotation.ResourceParam Patient patient) {
        Caller caller = caller(ScopeTable.CREATE);
        var written = registration.register(caller, patient);
        return new ca.uhn.fhir.rest.api.MethodOutcome(new IdType("Patient", written.id(), String.valueOf(written.version())),
                written.change() == org.musubi.record.Written.Change.CREATED);
    }

    /**
     * Everything the caller may see of one person, across all of the person's facility patients,
     * newest first; paged with {@code _count} (default 1000) and {@code _offset}; the directory resources
     * the page refers to follow it ({@link DirectoryReferences}). Only the types the token's scopes allow
     * ({@link ScopeTable#EVERYTHING}). One audit row.
     */
    @Operation(name = "$everything", idempotent = true)
    public ca.uhn.fhir.rest.api.server.IBundleProvider everything(@IdParam IdType id,
            @OperationParam(name = "_count") IntegerType count, @OperationParam(name = "_offset") IntegerType offset) {
        Caller caller = Caller.current();
        Scoped scoped = caller.scoped(ScopeTable.EVERYTHING, audit);
        if (!id.isIdPartValidLong()) {
            parts.reads().missed(caller.reader(), org.musubi.audit.AuditAction.SEARCH, "everything", id.getIdPart());
            throw Refusals.notFound(id);
        }
        long personId = id.getIdPartAsLong();
        int size = count == null || count.getValue() == null ? 1000
                : Math.max(1, Math.min(count.getValue(), org.musubi.record.RecordQuery.MAX_PAGE));
        int from = offset == null || offset.getValue() == null ? 0 : Math.max(0, offset.getValue());
        var page = pages.page(caller, scoped, personId, size, from);
        var found = page.found();
        List<IBaseResource> resources = new ArrayList<>();
        if (from == 0) {
            OpenedPerson o = opener.opened(caller, identities.person(personId).orElseThrow(), page.view());
            resources.add(patients.toPatient(o.person(), o.visible(), o.ownOnly()));
        }
        found.resources().forEach(r -> resources.add(parts.resources().toResource(r)));
        for (var included : page.included()) {
            IBaseResource resource = parts.resources().toResource(included);
            ca.uhn.fhir.model.api.ResourceMetadataKeyEnum.ENTRY_SEARCH_MODE.put((org.hl7.fhir.instance.model.api.IAnyResource) resource,
                    ca.uhn.fhir.model.valueset.BundleEntrySearchModeEnum.INCLUDE);
            resources.add(resource);
        }
        return new StorePage(resources, (int) found.total() + 1);
    }

    /** A facility registers its own patient under an id of its choosing (as JP-CLINS examples do). */
    @ca.uhn.fhir.rest.annotation.Update
    public ca.uhn.fhir.rest.api.MethodOutcome update(@IdParam IdType id,
                                                     @ca.uhn.fhir.rest.annotation.ResourceParam Patient patient) {
        Caller caller = caller(ScopeTable.UPDATE);
        if (id.isIdPartValidLong()) {
            throw new ca.uhn.fhir.rest.server.exceptions.InvalidRequestException("数字だけの id は地域患者のものです / "
                    + "All-digit ids belong to regional persons");
        }
        var written = registration.register(caller, patient, id.getIdPart());
        return new ca.uhn.fhir.rest.api.MethodOutcome(new IdType("Patient", written.id(), String.valueOf(written.version())),
                written.change() == org.musubi.record.Written.Change.CREATED);
    }

    @Operation(name = "$match", type = Patient.class, idempotent = false)
    public Bundle match(@OperationParam(name = "resource", min = 1) Patient resource,
                        @OperationParam(name = "onlyCertainMatches") BooleanType onlyCertain,
                        @OperationParam(name = "count") IntegerType count) {
        Caller caller = caller(ScopeTable.MATCH);
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        int limit = count == null || count.getValue() == null ? search.maxMatches()
                : Math.max(1, Math.min(count.getValue(), search.maxMatches()));
        boolean certain = onlyCertain != null && Boolean.TRUE.equals(onlyCertain.getValue());
        List<PatientMatches.Scored> found = matches.find(QueryDemographics.of(resource), certain, limit);
        if (found.isEmpty()) {
            parts.reads().missed(caller.reader(), org.musubi.audit.AuditAction.SEARCH, "Patient", "$match");
        }
        for (PatientMatches.Scored scored : found) {
            opener.open(caller, scored.personId()).ifPresent(opened -> {
                Bundle.BundleEntryComponent entry = bundle.addEntry()
                        .setResource(patients.toPatient(opened.person(), opened.visible(), opened.ownOnly()))
                        .setFullUrl("Patient/" + opened.person().id());
                entry.getSearch().setMode(Bundle.SearchEntryMode.MATCH).setScore(scored.score())
                        .addExtension(MATCH_GRADE, new CodeType(scored.grade()));
            });
        }
        return bundle.setTotal(bundle.getEntry().size());
    }

    @Operation(name = "$ihe-pix", type = Patient.class, idempotent = true)
    public Parameters pix(@OperationParam(name = "sourceIdentifier", min = 1) TokenParam sourceIdentifier,
                          @OperationParam(name = "targetSystem") List<UriType> targetSystems) {
        Caller caller = caller(ScopeTable.PIX);
        List<String> targets = new ArrayList<>();
        if (targetSystems != null) {
            targetSystems.forEach(t -> targets.add(t.getValue()));
        }
        return pix.query(caller, sourceIdentifier.getSystem(), sourceIdentifier.getValue(), targets);
    }

    /** The caller, refused (403, audited) unless the token's scopes allow the row on Patient. */
    private Caller caller(ScopeTable row) {
        Caller caller = Caller.current();
        caller.scoped(row, audit, "Patient");
        return caller;
    }

    private static String value(StringParam param) {
        return param == null ? null : param.getValue();
    }

    private static String value(TokenParam param) {
        return param == null ? null : param.getValue();
    }
}
