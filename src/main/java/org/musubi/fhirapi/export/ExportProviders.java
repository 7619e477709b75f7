package org.musubi.fhirapi.export;

import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import org.musubi.fhirapi.server.FhirServlet;
import org.springframework.stereotype.Component;

/** Bulk export's part of the FHIR API: the kick-offs, served beside the record's providers. */
@Component
class ExportProviders implements FhirServlet.Providers {

    private final ExportKickOff kickOff;

    ExportProviders(ExportKickOff kickOff) {
        this.kickOff = kickOff;
    }

    @Override
    public List<IResourceProvider> resourceProviders() {
        return List.of();
    }

    @Override
    public List<Object> plainProviders() {
        return List.of(kickOff);
    }

    @Override
    public List<Object> interceptors() {
        return List.of();
    }
}
