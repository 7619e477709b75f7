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
    private final DirectoryReferences directory;

    PatientProvider(PersonOpener opener, PersonPatients patients, PatientSearch search, PixQuery pix,
                    PatientMatches matches, Audit audit, SourcePatientRegistration registration,
                    RecordProviderParts parts, org.musubi.identity.IdentityStore identities, DirectoryReferences directory) {
        this.identities = identities;
        this.directory = directory;
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
        Caller caller = caller();
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
        Caller caller = caller();
        return search.find(caller, new PatientSearch.Criteria(value(id), identifier, value(family), value(given),
                birthDate, value(gender), value(telecom), value(postalCode)));
    }

    /** A facility registers its own patient (with its own patient ID); matching links it to a person. */
    @ca.uhn.fhir.rest.annotation.Create
    public ca.uhn.fhir.rest.api.MethodOutcome create(@ca.uhn.fhir.rest.annotation.ResourceParam Patient patient) {
        Caller caller = Caller.current();
        caller.require("Patient", true, audit);
        var written = registration.register(caller, patient);
        return new ca.uhn.fhir.rest.api.MethodOutcome(new IdType("Patient", written.id(), String.valueOf(written.version())),
                written.change() == org.musubi.record.Written.Change.CREATED);
    }

    /**
     * Everything the caller may see of one person, across all of the person's facility patients,
     * newest first; paged with {@code _count} (default 1000) and {@code _offset}; the directory resources
     * the page refers to follow it ({@link DirectoryReferences}). One audit row.
     */
    @Operation(name = "$everything", idempotent = true)
    public ca.uhn.fhir.rest.api.server.IBundleProvider everything(@IdParam IdType id,
            @OperationParam(name = "_count") IntegerType count, @OperationParam(name = "_offset") IntegerType offset) {
        Caller caller = caller();
        if (!id.isIdPartValidLong()) {
            parts.reads().missed(caller.reader(), org.musubi.audit.AuditAction.SEARCH, "everything", id.getIdPart());
            throw Refusals.notFound(id);
        }
        long personId = id.getIdPartAsLong();
        int size = count == null || count.getValue() == null ? 1000
                : Math.max(1, Math.min(count.getValue(), org.musubi.record.RecordQuery.MAX_PAGE));
        int from = offset == null || offset.getValue() == null ? 0 : Math.max(0, offset.getValue());
        var everything = parts.outcome(parts.reads().everything(caller.reader(), personId, storePage(size, from),
                directory.includes()), id);
        var found = everything.found();
        List<IBaseResource> page = new ArrayList<>();
        if (from == 0) {
            OpenedPerson o = opener.opened(caller, identities.person(personId).orElseThrow(), everything.view());
            page.add(patients.toPatient(o.person(), o.visible(), o.ownOnly()));
        }
        found.resources().forEach(r -> page.add(parts.resources().toResource(r)));
        for (var included : everything.included()) {
            IBaseResource resource = parts.resources().toResource(included);
            ca.uhn.fhir.model.api.ResourceMetadataKeyEnum.ENTRY_SEARCH_MODE.put((org.hl7.fhir.instance.model.api.IAnyResource) resource,
                    ca.uhn.fhir.model.valueset.BundleEntrySearchModeEnum.INCLUDE);
            page.add(resource);
        }
        return new StorePage(page, (int) found.total() + 1);
    }

    /** A facility registers its own patient under an id of its choosing (as JP-CLINS examples do). */
    @ca.uhn.fhir.rest.annotation.Update
    public ca.uhn.fhir.rest.api.MethodOutcome update(@IdParam IdType id,
                                                     @ca.uhn.fhir.rest.annotation.ResourceParam Patient patient) {
        Caller caller = Caller.current();
        caller.require("Patient", true, audit);
        if (id.isIdPartValidLong()) {
            throw new ca.uhn.fhir.rest.server.exceptions.InvalidRequestException("数字だけの id は地域患者のものです / "
                    + "All-digit ids belong to regional persons");
        }
        var written = registration.register(caller, patient, id.getIdPart());
        return new ca.uhn.fhir.rest.api.MethodOutcome(new IdType("Patient", written.id(), String.valueOf(written.version())),
                written.change() == org.musubi.record.Written.Change.CREATED);
    }

    /**
     * The page of the person's resources behind {@code $everything}'s page: the person is entry 0 of
     * the whole list, so the first page holds it and {@code size - 1} resources, later pages are shifted by one.
     */
    static org.musubi.record.RecordQuery storePage(int size, int from) {
        return new org.musubi.record.RecordQuery(null, List.of(), null, null, null, true,
                from == 0 ? size - 1 : size, from == 0 ? 0 : from - 1);
    }

    @Operation(name = "$match", type = Patient.class, idempotent = false)
    public Bundle match(@OperationParam(name = "resource", min = 1) Patient resource,
                        @OperationParam(name = "onlyCertainMatches") BooleanType onlyCertain,
                        @OperationParam(name = "count") IntegerType count) {
        Caller caller = caller();
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
        Caller caller = caller();
        List<String> targets = new ArrayList<>();
        if (targetSystems != null) {
            targetSystems.forEach(t -> targets.add(t.getValue()));
        }
        return pix.query(caller, sourceIdentifier.getSystem(), sourceIdentifier.getValue(), targets);
    }

    private Caller caller() {
        Caller caller = Caller.current();
        caller.require("Patient", false, audit);
        return caller;
    }

    private static String value(StringParam param) {
        return param == null ? null : param.getValue();
    }

    private static String value(TokenParam param) {
        return param == null ? null : param.getValue();
    }
}
