package org.musubi.security.internal.smart;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.musubi.security.internal.api.RandomTokens;
import org.springframework.stereotype.Component;

/**
 * Hands a grant's tokens out: a random 256-bit access token (valid {@code musubi.smart.access-token-lifetime}), a
 * refresh token when the scopes hold {@code offline_access} (valid {@code refresh-token-lifetime}, used once), and an
 * id_token when they hold {@code openid}. Only the tokens' SHA-256 hashes are stored.
 */
@Component
class TokenIssuer {

    static final String ACCESS_PREFIX = "msa_";
    static final String REFRESH_PREFIX = "msr_";
    private final JdbcSmartGrants grants;
    private final IdTokens idTokens;
    private final SmartProperties properties;
    private final Clock clock = Clock.systemUTC();

    TokenIssuer(JdbcSmartGrants grants, IdTokens idTokens, SmartProperties properties) {
        this.grants = grants;
        this.idTokens = idTokens;
        this.properties = properties;
    }

    /** What the token endpoint answers on success. */
    record Issued(String accessToken, Duration lifetime, List<String> scopes, long personId, String refreshToken,
                  String idToken) {
    }

    Issued issue(JdbcSmartGrants.Grant grant, String clientId, List<String> scopes, String nonce, Endpoints endpoints) {
        Instant now = clock.instant();
        grants.purge(now);
        String access = ACCESS_PREFIX + RandomTokens.urlSafe(32);
        grants.saveToken(RandomTokens.hash(access), grant.id(), JdbcSmartGrants.Kind.ACCESS, scopes, now,
                now.plus(properties.accessTokenLifetime()));
        String refresh = null;
        if (scopes.contains(SmartScopes.OFFLINE)) {
            refresh = REFRESH_PREFIX + RandomTokens.urlSafe(32);
            grants.saveToken(RandomTokens.hash(refresh), grant.id(), JdbcSmartGrants.Kind.REFRESH, scopes, now,
                    now.plus(properties.refreshTokenLifetime()));
        }
        String idToken = scopes.contains(SmartScopes.OPENID) ? idToken(grant, clientId, scopes, nonce, endpoints, now) : null;
        return new Issued(access, properties.accessTokenLifetime(), scopes, grant.personId(), refresh, idToken);
    }

    private String idToken(JdbcSmartGrants.Grant grant, String clientId, List<String> scopes, String nonce,
                           Endpoints endpoints, Instant now) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", endpoints.issuer());
        claims.put("sub", String.valueOf(grant.userId()));
        claims.put("aud", clientId);
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(properties.accessTokenLifetime()).getEpochSecond());
        if (nonce != null) {
            claims.put("nonce", nonce);
        }
        if (scopes.contains(SmartScopes.FHIR_USER)) {
            claims.put("fhirUser", endpoints.fhir() + "/Patient/" + grant.personId());
        }
        return idTokens.sign(claims);
    }
}
