package org.musubi.security.internal.api;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.musubi.audit.Actor;
import org.musubi.security.ApiScope;
import org.musubi.security.LoginThrottle;
import org.musubi.security.internal.login.LoginOutcomes;
import org.musubi.security.internal.smart.SmartTokenEndpoint;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OAuth2 token endpoint. For API clients, the client-credentials grant (RFC 6749 §4.4), the
 * client authenticated with a signed JWT assertion (SMART Backend Services, RFC 7523), with HTTP
 * Basic, or with {@code client_id}/{@code client_secret} in the body. For residents' apps (public clients, SMART App
 * Launch), the {@code authorization_code} and {@code refresh_token} grants ({@link SmartTokenEndpoint}).
 * Failed client authentications count against the same per-address throttle as failed logins (429
 * with Retry-After once over the limit; the moment an address is refused is audited once, as for
 * logins). Every refused request leaves one audit row, without secrets or assertions.
 */
@RestController
class TokenController {

    static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private final ApiTokens tokens;
    private final LoginThrottle throttle;
    private final LoginOutcomes outcomes;
    private final SmartTokenEndpoint apps;

    TokenController(ApiTokens tokens, LoginThrottle throttle, LoginOutcomes outcomes, SmartTokenEndpoint apps) {
        this.tokens = tokens;
        this.throttle = throttle;
        this.outcomes = outcomes;
        this.apps = apps;
    }

    @PostMapping(path = "/oauth2/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> token(@RequestParam(name = "grant_type", required = false) String grantType,
                                              @RequestParam(name = "scope", required = false) String scope,
                                              @RequestParam(name = "client_id", required = false) String bodyId,
                                              @RequestParam(name = "client_secret", required = false) String bodySecret,
                                              @RequestParam(name = "client_assertion_type", required = false) String assertionType,
                                              @RequestParam(name = "client_assertion", required = false) String assertion,
                                              @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                              HttpServletRequest request) {
        String address = request.getRemoteAddr();
        if (throttle.refused(address)) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(throttle.retryAfterSeconds(address)))
                    .cacheControl(CacheControl.noStore()).body(error("slow_down", "too many failed attempts"));
        }
        String[] basic = basic(authorization);
        String clientId = basic != null ? basic[0] : bodyId;
        String secret = basic != null ? basic[1] : bodySecret;
        if (SmartTokenEndpoint.handles(grantType)) {
            return apps.answer(grantType, clientId, request);
        }
        if (!"client_credentials".equals(grantType)) {
            ApiTokens.Refused r = tokens.refuseGrantType(clientId, grantType);
            return refused(HttpStatus.BAD_REQUEST, r.error(), r.description());
        }
        ApiTokens.Grant grant = JWT_BEARER.equals(assertionType) && assertion != null
                ? tokens.issueWithAssertion(assertion, request.getRequestURL().toString(), scope)
                : tokens.issue(clientId, secret, scope);
        return switch (grant) {
            case ApiTokens.Granted g -> ResponseEntity.ok().cacheControl(CacheControl.noStore())
                    .header(HttpHeaders.PRAGMA, "no-cache").body(granted(g));
            case ApiTokens.Refused r when r.error().equals("invalid_client") -> {
                outcomes.throttle(request, Actor.unknownUser(ApiTokens.abbreviate(clientId, 64)));
                yield ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"musubi\"")
                        .cacheControl(CacheControl.noStore()).body(error(r.error(), r.description()));
            }
            case ApiTokens.Refused r -> refused(HttpStatus.BAD_REQUEST, r.error(), r.description());
        };
    }

    private static Map<String, Object> granted(ApiTokens.Granted g) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", g.token());
        body.put("token_type", "Bearer");
        body.put("expires_in", g.lifetime().toSeconds());
        body.put("scope", g.scopes().stream().map(ApiScope::toString).sorted().collect(Collectors.joining(" ")));
        return body;
    }

    private static ResponseEntity<Map<String, Object>> refused(HttpStatus status, String error, String description) {
        return ResponseEntity.status(status).cacheControl(CacheControl.noStore()).body(error(error, description));
    }

    private static Map<String, Object> error(String error, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        return body;
    }

    /** client id and secret from {@code Authorization: Basic}, each form-encoded (RFC 6749 §2.3.1). */
    static String[] basic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return null;
            }
            return new String[] {URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
