package org.musubi.security.internal.smart;

import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.musubi.security.internal.api.RandomTokens;
import org.springframework.stereotype.Component;

/**
 * Checks an app's authorization request (RFC 6749 §4.1.1 with PKCE and SMART's {@code aud}). Until the client and its
 * exact redirect URI are known, a fault is shown on Musubi's own error page and never sent anywhere (an unchecked
 * redirect would make Musubi an open redirector); after that, faults go back to the app as OAuth2 errors.
 */
@Component
class AuthorizationRequests {

    private final JdbcSmartApps apps;

    AuthorizationRequests(JdbcSmartApps apps) {
        this.apps = apps;
    }

    /** A checked request waiting for the resident's decision, kept in their session under a one-time ticket. */
    record Pending(String ticket, long appId, String clientId, String appName, String redirectUri, List<String> scopes,
                   String state, String challenge, String nonce) implements Serializable {

        Pending {
            scopes = List.copyOf(scopes);
        }
    }

    sealed interface Checked permits NotShown, Redirected, Valid {
    }

    /** A fault told on Musubi's error page only ({@code messageKey}); {@code reason} for the audit row. */
    record NotShown(String messageKey, String reason) implements Checked {
    }

    /** A fault sent back to the app's redirect URI as an OAuth2 error. */
    record Redirected(String location, String error, String reason) implements Checked {
    }

    record Valid(Pending pending) implements Checked {
    }

    Checked check(Map<String, String[]> params, Endpoints endpoints) {
        String clientId = single(params, "client_id");
        Optional<JdbcSmartApps.App> app = clientId == null || clientId.length() > 64 ? Optional.empty()
                : apps.find(clientId).filter(JdbcSmartApps.App::active);
        if (app.isEmpty()) {
            return new NotShown("smart.error.client", "invalid_request: unknown or stopped client_id");
        }
        String redirectUri = single(params, "redirect_uri");
        if (redirectUri == null || !app.get().redirectUris().contains(redirectUri)) {
            return new NotShown("smart.error.redirect", "invalid_request: redirect_uri not registered for " + clientId);
        }
        String state = single(params, "state");
        String fault = params.values().stream().anyMatch(v -> v.length > 1) ? "a parameter is repeated"
                : state == null || state.length() > 1000 ? "state is required (at most 1000 characters)"
                : !endpoints.isFhirBase(single(params, "aud")) ? "aud must be this server's FHIR base URL " + endpoints.fhir()
                : single(params, "code_challenge") == null ? "code_challenge is required (PKCE, S256)"
                : !Pkce.S256.equals(single(params, "code_challenge_method")) ? "code_challenge_method must be S256"
                : !Pkce.validChallenge(single(params, "code_challenge")) ? "code_challenge must be a base64url SHA-256"
                : single(params, "nonce") != null && single(params, "nonce").length() > 200 ? "nonce is too long" : null;
        if (!"code".equals(single(params, "response_type"))) {
            return error(redirectUri, "unsupported_response_type", "response_type must be code", state);
        }
        if (fault != null) {
            return error(redirectUri, "invalid_request", fault, state);
        }
        List<String> scopes = SmartScopes.granted(SmartScopes.parse(single(params, "scope")), app.get().scopes());
        if (!SmartScopes.readsData(scopes)) {
            return error(redirectUri, "invalid_scope", "no patient/ read scope this app is registered for", state);
        }
        return new Valid(new Pending(RandomTokens.urlSafe(16), app.get().id(), clientId, app.get().name(), redirectUri,
                scopes, state, single(params, "code_challenge"), single(params, "nonce")));
    }

    private static Redirected error(String redirectUri, String error, String description, String state) {
        return new Redirected(location(redirectUri, "error", error, "error_description", description, "state", state),
                error, error + ": " + description);
    }

    /** The redirect URI with these parameters added to its query (null values left out). */
    static String location(String redirectUri, String... nameValues) {
        StringBuilder url = new StringBuilder(redirectUri);
        char separator = redirectUri.contains("?") ? '&' : '?';
        for (int i = 0; i < nameValues.length; i += 2) {
            if (nameValues[i + 1] != null) {
                url.append(separator).append(nameValues[i]).append('=')
                        .append(URLEncoder.encode(nameValues[i + 1], StandardCharsets.UTF_8));
                separator = '&';
            }
        }
        return url.toString();
    }

    private static String single(Map<String, String[]> params, String name) {
        String[] values = params.get(name);
        return values == null || values.length != 1 || values[0].isEmpty() ? null : values[0];
    }
}
