package org.musubi.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
                .by(user.map(ApiTokens::actor).orElse(Actor.unknownUser(clientId))).reason(reason));
        return new Refused("invalid_client", "unknown client, wrong credentials or client disabled");
    }

    private Grant grant(JdbcApiClients.Row row, User user, String requestedScope) {
        Set<ApiScope> scopes;
        try {
            Set<ApiScope> asked = ApiScope.parseList(requestedScope);
            scopes = asked.isEmpty() ? row.scopes() : Set.copyOf(asked);
        } catch (IllegalArgumentException e) {
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

    /** The token's client, when the token is known, unexpired and its client still usable. */
    Optional<ApiCaller> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        return clients.token(hash(token), clock.instant())
                .flatMap(t -> users.find(t.userId()).filter(this::usable).map(u -> new ApiCaller(u, t.scopes())));
    }

    record ApiCaller(User user, Set<ApiScope> scopes) {
    }

    private boolean usable(User user) {
        return user.active() && user.actingFacilityId().flatMap(facilities::find).map(Facility::active).orElse(false);
    }

    private static Actor actor(User user) {
        return new Actor(user.id(), user.loginId(), user.actingFacilityId().orElse(null), user.profession().name());
    }


    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
