package org.musubi.fhirapi.internal;

import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import org.springframework.stereotype.Component;

@Component
class FhirProviders implements FhirServlet.Providers {

    private final PatientProvider patients;
    private final SafeErrors errors;

    FhirProviders(PatientProvider patients, SafeErrors errors) {
        this.patients = patients;
        this.errors = errors;
    }

    @Override
    public List<IResourceProvider> resourceProviders() {
        return List.of(patients);
    }

    @Override
    public List<Object> interceptors() {
        return List.of(errors);
    }
}
