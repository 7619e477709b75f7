package org.musubi.security.internal.smart;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Where this server answers, as the client sees it (scheme, host and port of the request, after a reverse proxy's
 * forwarded headers when they come from a proxy named in {@code musubi.web.trusted-proxies}): the issuer, the FHIR
 * base URL an app names as {@code aud}, and the OAuth endpoints the discovery documents list.
 */
record Endpoints(String base) {

    static final String AUTHORIZE = "/oauth2/authorize";
    static final String TOKEN = "/oauth2/token";
    static final String JWKS = "/oauth2/jwks";
    static final String MANAGE = "/phr/apps";

    static Endpoints of(HttpServletRequest request) {
        String base = ServletUriComponentsBuilder.fromContextPath(request).replaceQuery(null).build().toUriString();
        return new Endpoints(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    }

    /** The OpenID issuer: the server's own base URL. */
    String issuer() {
        return base;
    }

    String fhir() {
        return base + "/fhir";
    }

    String url(String path) {
        return base + path;
    }

    /** Whether an app's {@code aud} names this server's FHIR base URL (a trailing slash aside). */
    boolean isFhirBase(String aud) {
        return aud != null && (aud.equals(fhir()) || aud.equals(fhir() + "/"));
    }
}
