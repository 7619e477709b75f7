package org.musubi.fhirapi.server;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.UriType;

/**
 * The CapabilityStatement's security section as SMART App Launch asks: the service {@code SMART-on-FHIR} and the
 * OAuth endpoints (extension {@code oauth-uris}: authorize, token, manage) an app finds its way with, at this server's
 * address as the request names it.
 */
class SmartCapabilities {

    static final String OAUTH_URIS = "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris";
    static final String SECURITY_SERVICE = "http://terminology.hl7.org/CodeSystem/restful-security-service";

    @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
    public void addSecurity(IBaseConformance statement, RequestDetails request) {
        if (!(statement instanceof CapabilityStatement capabilities) || capabilities.getRest().isEmpty()) {
            return;
        }
        String fhir = request.getFhirServerBase();
        String base = fhir.endsWith("/fhir") ? fhir.substring(0, fhir.length() - "/fhir".length()) : fhir;
        CapabilityStatement.CapabilityStatementRestSecurityComponent security = capabilities.getRestFirstRep().getSecurity();
        security.setCors(false);
        security.getService().clear();
        security.addService(new CodeableConcept().addCoding(new Coding(SECURITY_SERVICE,
                "SMART-on-FHIR", "SMART-on-FHIR")).setText("OAuth2 using SMART-on-FHIR profile"));
        security.getExtension().removeIf(e -> OAUTH_URIS.equals(e.getUrl()));
        Extension uris = security.addExtension().setUrl(OAUTH_URIS);
        uris.addExtension("authorize", new UriType(base + "/oauth2/authorize"));
        uris.addExtension("token", new UriType(base + "/oauth2/token"));
        uris.addExtension("manage", new UriType(base + "/phr/apps"));
        security.setDescription("Facility systems: OAuth2 client credentials (SMART Backend Services). Residents' apps: "
                + "SMART App Launch, standalone patient launch (authorization code with PKCE S256).");
    }
}
