package org.musubi.fhirapi.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.interceptor.ResponseHighlighterInterceptor;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.musubi.audit.web.RequestIds;
import org.springframework.beans.factory.ObjectProvider;

/**
 * HAPI FHIR's plain server with Musubi's providers. HAPI builds the CapabilityStatement from the
 * providers, so it lists exactly what works. The request id HAPI answers with ({@code X-Request-Id}) is Musubi's own
 * ({@link RequestIds}), the one the request's audit row and log lines carry, never HAPI's nor one the caller sent.
 */
public class FhirServlet extends RestfulServer {

    /**
     * Providers and interceptors to serve, looked up when the servlet first starts: every bean of this type, so a part
     * of the API that lives beside the record's (the surveillance's MeasureReports) adds its own.
     */
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
        List<Providers> wanted = providers.orderedStream().toList();
        setResourceProviders(wanted.stream().flatMap(p -> p.resourceProviders().stream()).toList());
        setPlainProviders(wanted.stream().flatMap(p -> p.plainProviders().stream()).toList());
        wanted.forEach(p -> p.interceptors().forEach(this::registerInterceptor));
        registerInterceptor(new ResponseHighlighterInterceptor());
        setDefaultResponseEncoding(EncodingEnum.JSON);
        setServerName("Musubi");
        setImplementationDescription("Musubi regional health information network (FHIR R4, JP Core)");
    }

    @Override
    protected String getOrCreateRequestId(HttpServletRequest request) {
        String own = RequestIds.of(request);
        return own != null ? own : newRequestId(16);
    }
}
