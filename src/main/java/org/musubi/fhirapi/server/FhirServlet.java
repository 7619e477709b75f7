package org.musubi.fhirapi.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.interceptor.ResponseHighlighterInterceptor;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;

/**
 * HAPI FHIR's plain server with Musubi's providers. HAPI builds the CapabilityStatement from the
 * providers, so it lists exactly what works.
 */
public class FhirServlet extends RestfulServer {

    /** The providers and interceptors to serve, looked up when the servlet first starts. */
    public interface Providers {

        List<IResourceProvider> resourceProviders();

        /** Server-level providers (transaction, system operations). */
        List<Object> plainProviders();

        List<Object> interceptors();
    }

    private final transient ObjectProvider<Providers> providers;

    public FhirServlet(FhirContext context, ObjectProvider<Providers> providers) {
        super(context);
        this.providers = providers;
    }

    @Override
    protected void initialize() {
        Providers wanted = providers.getObject();
        setResourceProviders(wanted.resourceProviders());
        setPlainProviders(wanted.plainProviders());
        wanted.interceptors().forEach(this::registerInterceptor);
        registerInterceptor(new ResponseHighlighterInterceptor());
        setDefaultResponseEncoding(EncodingEnum.JSON);
        setServerName("Musubi");
        setImplementationDescription("Musubi regional health information network (FHIR R4, JP Core)");
    }
}
