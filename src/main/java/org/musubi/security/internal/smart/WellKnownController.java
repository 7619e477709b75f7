package org.musubi.security.internal.smart;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Discovery for apps, public: the SMART configuration (SMART App Launch 2.x, {@code .well-known/smart-configuration}),
 * the OpenID Provider metadata its id_tokens are checked against, and the id_tokens' keys.
 */
@RestController
class WellKnownController {

    private final IdTokens idTokens;

    WellKnownController(IdTokens idTokens) {
        this.idTokens = idTokens;
    }

    @GetMapping(path = "/.well-known/smart-configuration", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> smart(HttpServletRequest request) {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache())
                .body(smartConfiguration(Endpoints.of(request)));
    }

    @GetMapping(path = "/.well-known/openid-configuration", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> openid(HttpServletRequest request) {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache())
                .body(openidConfiguration(Endpoints.of(request)));
    }

    @GetMapping(path = Endpoints.JWKS, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> jwks() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(idTokens.jwks());
    }

    static final List<String> CAPABILITIES = List.of("launch-standalone", "client-public",
            "client-confidential-asymmetric", "context-standalone-patient", "permission-patient", "permission-offline",
            "permission-v1", "permission-v2", "sso-openid-connect");
    static final List<String> SCOPES = List.of(SmartScopes.OPENID, SmartScopes.FHIR_USER, SmartScopes.LAUNCH_PATIENT,
            SmartScopes.OFFLINE, "patient/*.read", "patient/*.rs", "system/*.read", "system/*.write");

    static Map<String, Object> smartConfiguration(Endpoints endpoints) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("issuer", endpoints.issuer());
        config.put("jwks_uri", endpoints.url(Endpoints.JWKS));
        config.put("authorization_endpoint", endpoints.url(Endpoints.AUTHORIZE));
        config.put("token_endpoint", endpoints.url(Endpoints.TOKEN));
        config.put("grant_types_supported", List.of("authorization_code", "refresh_token", "client_credentials"));
        config.put("token_endpoint_auth_methods_supported", List.of("none", "private_key_jwt", "client_secret_basic",
                "client_secret_post"));
        config.put("token_endpoint_auth_signing_alg_values_supported", List.of("RS256", "RS384", "ES256", "ES384"));
        config.put("scopes_supported", SCOPES);
        config.put("response_types_supported", List.of("code"));
        config.put("management_endpoint", endpoints.url(Endpoints.MANAGE));
        config.put("code_challenge_methods_supported", List.of(Pkce.S256));
        config.put("capabilities", CAPABILITIES);
        return config;
    }

    static Map<String, Object> openidConfiguration(Endpoints endpoints) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("issuer", endpoints.issuer());
        config.put("authorization_endpoint", endpoints.url(Endpoints.AUTHORIZE));
        config.put("token_endpoint", endpoints.url(Endpoints.TOKEN));
        config.put("jwks_uri", endpoints.url(Endpoints.JWKS));
        config.put("response_types_supported", List.of("code"));
        config.put("subject_types_supported", List.of("public"));
        config.put("id_token_signing_alg_values_supported", List.of("RS256"));
        config.put("scopes_supported", SCOPES);
        config.put("token_endpoint_auth_methods_supported", List.of("none"));
        config.put("claims_supported", List.of("iss", "sub", "aud", "exp", "iat", "nonce", SmartScopes.FHIR_USER));
        config.put("code_challenge_methods_supported", List.of(Pkce.S256));
        return config;
    }
}
