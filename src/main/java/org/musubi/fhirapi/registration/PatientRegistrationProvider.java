package org.musubi.fhirapi.registration;

import ca.uhn.fhir.rest.annotation.ConditionalUrlParam;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.musubi.audit.Audit;
import org.musubi.fhirapi.access.Caller;
import org.musubi.fhirapi.access.IfMatch;
import org.musubi.fhirapi.access.ScopeTable;
import org.musubi.fhirapi.store.ConditionalCreates;
import org.musubi.record.Located;
import org.musubi.record.WriteRecords;
import org.musubi.record.Written;
import org.springframework.stereotype.Component;

/**
 * Patient create and update: a facility system registers one of its own patients, with its own patient ID, and
 * 名寄せ links it to a regional person ({@link SourcePatientRegistration}). One of the providers HAPI serves Patient
 * with, beside those of the IHE queries.
 */
@Component
public class PatientRegistrationProvider implements IResourceProvider {

    private final SourcePatientRegistration registration;
    private final Audit audit;
    private final ConditionalCreates conditions;
    private final WriteRecords writes;

    PatientRegistrationProvider(SourcePatientRegistration registration, Audit audit, ConditionalCreates conditions,
                                WriteRecords writes) {
        this.registration = registration;
        this.audit = audit;
        this.conditions = conditions;
        this.writes = writes;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return Patient.class;
    }

    /** A facility registers its own patient (with its own patient ID); matching links it to a person. */
    @Create
    public MethodOutcome create(@ResourceParam Patient patient, @ConditionalUrlParam String ifNoneExist) {
        Caller caller = Caller.allowed(ScopeTable.CREATE, audit, "Patient");
        if (ifNoneExist == null || ifNoneExist.isBlank()) {
            return registered(registration.register(caller, patient));
        }
        // a conditional create: the facility's own Patient with that identifier answers 200, unchanged
        return audit.allOrNothing(() -> {
            Optional<Located> found = conditions.existing("Patient", ifNoneExist, caller.writingFacility());
            if (found.isEmpty()) {
                return registered(registration.register(caller, patient));
            }
            writes.matched(caller.reader(), found.get());
            MethodOutcome outcome = new MethodOutcome(new IdType("Patient", found.get().id()));
            outcome.setCreated(false);
            return outcome;
        });
    }

    private static MethodOutcome registered(Written written) {
        return new MethodOutcome(new IdType("Patient", written.id(), String.valueOf(written.version())),
                written.change() == Written.Change.CREATED);
    }

    /** A facility registers its own patient under an id of its choosing (as JP-CLINS examples do). */
    @Update
    public MethodOutcome update(@IdParam IdType id, @ResourceParam Patient patient) {
        Caller caller = Caller.allowed(ScopeTable.UPDATE, audit, "Patient");
        if (id.isIdPartValidLong()) {
            throw new InvalidRequestException("数字だけの id は地域患者のものです / "
                    + "All-digit ids belong to regional persons");
        }
        Integer ifMatch = IfMatch.version(id);
        Written written = ifMatch == null ? registration.register(caller, patient, id.getIdPart())
                : audit.allOrNothing(() -> registration.register(caller, patient, id.getIdPart(), ifMatch));
        return new MethodOutcome(new IdType("Patient", written.id(), String.valueOf(written.version())),
                written.change() == Written.Change.CREATED);
    }
}
