package org.musubi.security.internal.oidc;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;
import java.util.Map;

/**
 * What a provider's discovery document ({@code /.well-known/openid-configuration}) says Musubi needs: its issuer,
 * which must be exactly the configured one (OpenID Connect Discovery 1.0 §4.3), and its endpoints, each https (or
 * http on loopback).
 */
record ProviderMetadata(String issuer, URI authorizationEndpoint, URI tokenEndpoint, URI jwksUri) {

    private static final int MAX_BYTES = 64 * 1024;

    static ProviderMetadata discover(HttpClient http, URI issuer, Duration timeout) throws Refused {
        String base = issuer.toString().endsWith("/") ? issuer.toString().substring(0, issuer.toString().length() - 1)
                : issuer.toString();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/.well-known/openid-configuration"))
                .timeout(timeout).header("Accept", "application/json").GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 || response.body().length() > MAX_BYTES) {
                throw new Refused("discovery answered HTTP " + response.statusCode());
            }
            return of(JSONObjectUtils.parse(response.body()), issuer);
        } catch (IOException e) {
            throw new Refused("discovery unreachable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refused("discovery interrupted");
        } catch (ParseException | IllegalArgumentException e) {
            throw new Refused("discovery document malformed");
        }
    }

    static ProviderMetadata of(Map<String, Object> document, URI issuer) throws ParseException, Refused {
        String said = JSONObjectUtils.getString(document, "issuer");
        if (!issuer.toString().equals(said)) {
            throw new Refused("discovery names another issuer");
        }
        return new ProviderMetadata(said, endpoint(document, "authorization_endpoint"),
                endpoint(document, "token_endpoint"), endpoint(document, "jwks_uri"));
    }

    private static URI endpoint(Map<String, Object> document, String name) throws ParseException, Refused {
        String text = JSONObjectUtils.getString(document, name);
        URI uri = text == null ? null : URI.create(text);
        if (uri == null || !OidcProperties.safe(uri)) {
            throw new Refused("discovery's " + name + " missing or not https");
        }
        return uri;
    }
}
