package org.musubi.fhirapi.surveillance;

import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import org.musubi.audit.Audit;
import org.musubi.fhirapi.server.FhirServlet;
import org.musubi.registry.Facilities;
import org.musubi.surveillance.Surveillance;
import org.springframework.stereotype.Component;

/** The surveillance's part of the FHIR API, served beside the record's providers. */
@Component
class SurveillanceProviders implements FhirServlet.Providers {

    private final SurveillanceReports reports;

    SurveillanceProviders(Surveillance surveillance, Facilities facilities, Audit audit) {
        this.reports = new SurveillanceReports(surveillance, facilities, audit);
    }

    @Override
    public List<IResourceProvider> resourceProviders() {
        return List.of(reports);
    }

    @Override
    public List<Object> plainProviders() {
        return List.of();
    }

    @Override
    public List<Object> interceptors() {
        return List.of();
    }
}
