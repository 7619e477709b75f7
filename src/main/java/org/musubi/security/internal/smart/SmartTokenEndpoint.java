package org.musubi.security.internal.smart;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The token endpoint's answer to residents' apps ({@code grant_type} {@code authorization_code} or
 * {@code refresh_token}, public clients naming themselves with {@code client_id}): the SMART token response, with the
 * resident's person as {@code patient}, or an OAuth2 error. Never cached.
 */
@Component
public class SmartTokenEndpoint {

    public static final String AUTHORIZATION_CODE = "authorization_code";
    public static final String REFRESH_TOKEN = "refresh_token";
    private final SmartTokens tokens;

    SmartTokenEndpoint(SmartTokens tokens) {
        this.tokens = tokens;
    }

    public static boolean handles(String grantType) {
        return AUTHORIZATION_CODE.equals(grantType) || REFRESH_TOKEN.equals(grantType);
    }

    public ResponseEntity<Map<String, Object>> answer(String grantType, String clientId, HttpServletRequest request) {
        Endpoints endpoints = Endpoints.of(request);
        SmartTokens.Answer answer = AUTHORIZATION_CODE.equals(grantType)
                ? tokens.exchange(request.getParameter("code"), request.getParameter("redirect_uri"), clientId,
                        request.getParameter("code_verifier"), endpoints)
                : tokens.refresh(request.getParameter("refresh_token"), clientId, request.getParameter("scope"), endpoints);
        return switch (answer) {
            case SmartTokens.Granted g -> ResponseEntity.ok().cacheControl(CacheControl.noStore())
                    .header(HttpHeaders.PRAGMA, "no-cache").body(body(g.issued()));
            case SmartTokens.Refused r -> {
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("error", r.error());
                error.put("error_description", r.description());
                yield ResponseEntity.status(r.error().equals("invalid_client") ? HttpStatus.UNAUTHORIZED : HttpStatus.BAD_REQUEST)
                        .cacheControl(CacheControl.noStore()).body(error);
            }
        };
    }

    private static Map<String, Object> body(TokenIssuer.Issued issued) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", issued.accessToken());
        body.put("token_type", "Bearer");
        body.put("expires_in", issued.lifetime().toSeconds());
        body.put("scope", SmartScopes.joined(issued.scopes()));
        body.put("patient", String.valueOf(issued.personId()));
        if (issued.refreshToken() != null) {
            body.put("refresh_token", issued.refreshToken());
        }
        if (issued.idToken() != null) {
            body.put("id_token", issued.idToken());
        }
        return body;
    }
}
