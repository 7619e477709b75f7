package org.musubi.fhirapi.pdqm;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.musubi.audit.Audit;
import org.musubi.fhirapi.access.Caller;
import org.musubi.fhirapi.access.Refusals;
import org.musubi.fhirapi.access.ScopeTable;
import org.musubi.fhirapi.person.OpenedPerson;
import org.musubi.fhirapi.person.PersonOpener;
import org.musubi.fhirapi.record.RecordProviderParts;
import org.springframework.stereotype.Component;

/**
 * Patient as the network's regional persons, PDQm (ITI-78): read and search. Every person shown passed the access
 * policy (audited); persons the caller may not see are left out of searches and refused on read. A read of a
 * facility's own Patient (a UUID id) returns it as the facility sent it.
 */
@Component
public class PdqmProvider implements IResourceProvider {

    private final PersonOpener opener;
    private final PatientSearch search;
    private final RecordProviderParts parts;
    private final Audit audit;

    PdqmProvider(PersonOpener opener, PatientSearch search, RecordProviderParts parts, Audit audit) {
        this.opener = opener;
        this.search = search;
        this.parts = parts;
        this.audit = audit;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return Patient.class;
    }

    /** A regional person (numeric id), or a facility's own Patient as it sent it (UUID id). */
    @Read(version = true)
    public Patient read(@IdParam IdType id) {
        Caller caller = Caller.allowed(id.hasVersionIdPart() ? ScopeTable.VREAD : ScopeTable.READ, audit, "Patient");
        if (!id.isIdPartValidLong()) {
            Integer version = id.hasVersionIdPart() && id.isVersionIdPartValidLong()
                    ? id.getVersionIdPartAsLong().intValue() : null;
            var stored = parts.outcome(parts.reads().read(caller.reader(), "Patient", id.getIdPart(), version), id);
            return (Patient) parts.resources().toResource(stored);
        }
        OpenedPerson opened = opener.open(caller, id.getIdPartAsLong()).orElseThrow(() -> Refusals.notFound(id));
        return opener.patient(opened);
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
        Caller caller = Caller.allowed(ScopeTable.PDQM_SEARCH, audit, "Patient");
        return search.find(caller, new PatientSearch.Criteria(value(id), identifier, value(family), value(given),
                birthDate, value(gender), value(telecom), value(postalCode)));
    }

    private static String value(StringParam param) {
        return param == null ? null : param.getValue();
    }

    private static String value(TokenParam param) {
        return param == null ? null : param.getValue();
    }
}
