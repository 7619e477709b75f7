package org.musubi.security.internal.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.musubi.audit.Actor;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.User;
import org.musubi.registry.Users;
import org.musubi.security.ApiScope;
import org.musubi.security.SecurityProperties;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The OAuth2 client-credentials grant and the bearer tokens it hands out: random 256-bit tokens,
 * stored as SHA-256 hashes, valid for {@code musubi.security.api-token-lifetime}. A client whose
 * user is disabled or whose facility is suspended gets no token, and its tokens stop working.
 */
@Component
class ApiTokens {

    private static final String PREFIX = "msb_";
    private final JdbcApiClients clients;
    private final Users users;
    private final Facilities facilities;
    private final PasswordEncoder encoder;
    private final Audit audit;
    private final Duration lifetime;
    private final Clock clock = Clock.systemUTC();

    ApiTokens(JdbcApiClients clients, Users users, Facilities facilities, PasswordEncoder encoder, Audit audit,
              SecurityProperties properties) {
        this.clients = clients;
        this.users = users;
        this.facilities = facilities;
        this.encoder = encoder;
        this.audit = audit;
        this.lifetime = properties.apiTokenLifetime();
    }

    sealed interface Grant permits Granted, Refused {
    }

    record Granted(String token, Set<ApiScope> scopes, Duration lifetime) implements Grant {
    }

    /** An OAuth2 error code (RFC 6749 §5.2). */
    record Refused(String error, String description) implements Grant {
    }

    Grant issue(String clientId, String secret, String requestedScope) {
        Optional<JdbcApiClients.Row> row = clientId == null ? Optional.empty() : clients.find(clientId);
        Optional<User> user = row.flatMap(r -> users.find(r.userId()));
        if (row.isEmpty() || secret == null || !encoder.matches(secret, row.get().secretHash())
                || user.isEmpty() || !usable(user.get())) {
            return refuse(clientId, user, "invalid_client");
        }
        return grant(row.get(), user.get(), requestedScope);
    }

    /** The client-credentials grant authenticated by a signed JWT (SMART Backend Services, RFC 7523). */
    Grant issueWithAssertion(String assertion, String audience, String requestedScope) {
        String clientId;
        try {
            clientId = ClientAssertions.issuer(assertion);
        } catch (RuntimeException e) {
            return refuse(null, Optional.empty(), "invalid_client: " + e.getMessage());
        }
        Optional<JdbcApiClients.Row> row = clients.find(clientId).filter(r -> r.jwks() != null);
        Optional<User> user = row.flatMap(r -> users.find(r.userId()));
        if (row.isEmpty() || user.isEmpty() || !usable(user.get())) {
            return refuse(clientId, user, "invalid_client");
        }
        try {
            Instant now = clock.instant();
            ClientAssertions.Claims claims = ClientAssertions.verify(assertion, row.get().jwks(), audience, now);
            if (!clients.rememberAssertion(clientId, claims.jti(), claims.expiresAt(), now)) {
                return refuse(clientId, user, "invalid_client: assertion replayed (jti " + claims.jti() + ")");
            }
        } catch (RuntimeException e) {
            return refuse(clientId, user, "invalid_client: " + e.getMessage());
        }
        return grant(row.get(), user.get(), requestedScope);
    }

    private Grant refuse(String clientId, Optional<User> user, String reason) {
        audit.record(AuditEntry.of(AuditAction.API_TOKEN_ISSUE, Outcome.DENY)
                .by(user.map(ApiTokens::actor).orElse(Actor.unknownUser(abbreviate(clientId, 64)))).reason(abbreviate(reason, 200)));
        return new Refused("invalid_client", "unknown client, wrong credentials or client disabled");
    }

    /** A token request for a grant type Musubi does not know: refused and audited (the client id as sent). */
    Refused refuseGrantType(String clientId, String grantType) {
        audit.record(AuditEntry.of(AuditAction.API_TOKEN_ISSUE, Outcome.DENY).by(Actor.unknownUser(abbreviate(clientId, 64)))
                .reason("unsupported_grant_type " + abbreviate(grantType, 40)));
        return new Refused("unsupported_grant_type",
                "the grant types are client_credentials, authorization_code and refresh_token");
    }

    private Grant grant(JdbcApiClients.Row row, User user, String requestedScope) {
        Set<ApiScope> scopes;
        try {
            Set<ApiScope> asked = ApiScope.parseList(requestedScope);
            scopes = asked.isEmpty() ? row.scopes() : Set.copyOf(asked);
        } catch (IllegalArgumentException e) {
            audit.record(AuditEntry.of(AuditAction.API_TOKEN_ISSUE, Outcome.DENY).by(actor(user))
                    .reason(abbreviate("invalid_scope " + requestedScope, 200)));
            return new Refused("invalid_scope", e.getMessage());
        }
        if (!scopes.stream().allMatch(s -> row.scopes().stream().anyMatch(s::within))) {
            audit.record(AuditEntry.of(AuditAction.API_TOKEN_ISSUE, Outcome.DENY).by(actor(user))
                    .reason("invalid_scope " + requestedScope));
            return new Refused("invalid_scope", "the client is not registered for scope: " + requestedScope);
        }
        String token = PREFIX + RandomTokens.urlSafe(32);
        Instant now = clock.instant();
        clients.saveToken(hash(token), user.id(), scopes, now, now.plus(lifetime));
        audit.record(AuditEntry.of(AuditAction.API_TOKEN_ISSUE, Outcome.PERMIT).by(actor(user))
                .reason(scopes.stream().map(ApiScope::toString).sorted().toList().toString()));
        return new Granted(token, scopes, lifetime);
    }

    /**
     * The token's client, when the token is known, unexpired and its client still usable. A refused
     * token leaves one audit row (the client, when the token was known; never the token).
     */
    Optional<ApiCaller> authenticate(String token) {
        Optional<JdbcApiClients.Token> stored = token == null || !token.startsWith(PREFIX) || token.length() > 100
                ? Optional.empty() : clients.token(hash(token), clock.instant());
        if (stored.isEmpty()) {
            audit.record(AuditEntry.of(AuditAction.API_TOKEN_USE, Outcome.DENY).by(Actor.anonymous())
                    .reason("invalid_token: unknown or expired"));
            return Optional.empty();
        }
        Optional<User> user = users.find(stored.get().userId());
        if (user.isEmpty() || !usable(user.get())) {
            audit.record(AuditEntry.of(AuditAction.API_TOKEN_USE, Outcome.DENY)
                    .by(user.map(ApiTokens::actor).orElse(Actor.anonymous()))
                    .reason("invalid_token: client disabled or its facility suspended"));
            return Optional.empty();
        }
        return Optional.of(new ApiCaller(user.get(), stored.get().scopes()));
    }

    record ApiCaller(User user, Set<ApiScope> scopes) {
    }

    private boolean usable(User user) {
        return user.active() && user.actingFacilityId().flatMap(facilities::find).map(Facility::active).orElse(false);
    }

    private static Actor actor(User user) {
        return new Actor(user.id(), user.loginId(), user.actingFacilityId().orElse(null), user.profession().name());
    }

    static String abbreviate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    static byte[] hash(String token) {
        return RandomTokens.hash(token);
    }
}
