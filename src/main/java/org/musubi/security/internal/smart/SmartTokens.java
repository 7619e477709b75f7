package org.musubi.security.internal.smart;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.musubi.audit.Actor;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.registry.User;
import org.musubi.registry.Users;
import org.musubi.security.AppAccess;
import org.musubi.security.internal.api.RandomTokens;
import org.springframework.stereotype.Component;

/**
 * The token endpoint's grants for residents' apps: {@code authorization_code} (the one-time code, its client, its
 * exact redirect URI and the PKCE verifier) and {@code refresh_token} (rotating: each refresh token is used once).
 * A code or refresh token presented a second time is taken for a stolen one: the whole grant is revoked
 * ({@code APP_REVOKE}) and the request refused. Every answer leaves one audit row ({@code API_TOKEN_ISSUE}), without
 * codes, verifiers or tokens.
 */
@Component
class SmartTokens {

    private final JdbcSmartApps apps;
    private final JdbcSmartGrants grants;
    private final Users users;
    private final TokenIssuer issuer;
    private final Audit audit;
    private final Clock clock = Clock.systemUTC();

    SmartTokens(JdbcSmartApps apps, JdbcSmartGrants grants, Users users, TokenIssuer issuer, Audit audit) {
        this.apps = apps;
        this.grants = grants;
        this.users = users;
        this.issuer = issuer;
        this.audit = audit;
    }

    sealed interface Answer permits Granted, Refused {
    }

    record Granted(TokenIssuer.Issued issued) implements Answer {
    }

    /** An OAuth2 error (RFC 6749 §5.2); {@code invalid_client} answers 401, the others 400. */
    record Refused(String error, String description) implements Answer {
    }

    Answer exchange(String code, String redirectUri, String clientId, String verifier, Endpoints endpoints) {
        Optional<JdbcSmartApps.App> app = client(clientId);
        if (app.isEmpty()) {
            return refuseClient(clientId, "authorization_code");
        }
        if (code == null || code.isBlank() || code.length() > 100) {
            return refuse(app.get(), null, "invalid_request", "code is required");
        }
        Optional<JdbcSmartGrants.Code> taken = grants.takeCode(RandomTokens.hash(code));
        if (taken.isEmpty()) {
            return refuse(app.get(), null, "invalid_grant", "unknown or expired code");
        }
        JdbcSmartGrants.Code c = taken.get();
        JdbcSmartGrants.Grant grant = grants.find(c.grantId()).orElseThrow();
        if (c.usedAt() != null) {
            return replayed(app.get(), grant, "authorization code presented again");
        }
        String problem = c.expiresAt().isBefore(clock.instant()) ? "code expired"
                : grant.appId() != app.get().id() ? "code issued to another client"
                : !c.redirectUri().equals(redirectUri) ? "redirect_uri differs from the authorization request's"
                : verifier == null || verifier.isBlank() ? "code_verifier missing (PKCE is required)"
                : !Pkce.verifies(verifier, c.challenge()) ? "code_verifier does not match the code_challenge"
                : usable(grant) ? null : "grant revoked or resident unavailable";
        if (problem != null) {
            return refuse(app.get(), grant, "invalid_grant", problem);
        }
        return granted(app.get(), grant, grant.scopes(), c.nonce(), endpoints, "authorization_code");
    }

    Answer refresh(String refreshToken, String clientId, String scope, Endpoints endpoints) {
        Optional<JdbcSmartApps.App> app = client(clientId);
        if (app.isEmpty()) {
            return refuseClient(clientId, "refresh_token");
        }
        if (refreshToken == null || !refreshToken.startsWith(TokenIssuer.REFRESH_PREFIX) || refreshToken.length() > 100) {
            return refuse(app.get(), null, "invalid_grant", "unknown refresh token");
        }
        Optional<JdbcSmartGrants.Token> taken = grants.takeRefresh(RandomTokens.hash(refreshToken));
        if (taken.isEmpty()) {
            return refuse(app.get(), null, "invalid_grant", "unknown, expired or revoked refresh token");
        }
        JdbcSmartGrants.Token t = taken.get();
        JdbcSmartGrants.Grant grant = grants.find(t.grantId()).orElseThrow();
        if (t.usedAt() != null) {
            return replayed(app.get(), grant, "refresh token presented again");
        }
        String problem = t.expiresAt().isBefore(clock.instant()) ? "refresh token expired"
                : grant.appId() != app.get().id() ? "refresh token issued to another client"
                : usable(grant) ? null : "grant revoked or resident unavailable";
        if (problem != null) {
            return refuse(app.get(), grant, "invalid_grant", problem);
        }
        List<String> asked = SmartScopes.parse(scope);
        if (!t.scopes().containsAll(asked)) {
            return refuse(app.get(), grant, "invalid_scope", "a refresh may only narrow the scopes");
        }
        return granted(app.get(), grant, asked.isEmpty() ? t.scopes() : asked, null, endpoints, "refresh_token");
    }

    private Optional<JdbcSmartApps.App> client(String clientId) {
        return clientId == null || clientId.length() > 64 ? Optional.empty()
                : apps.find(clientId).filter(JdbcSmartApps.App::active);
    }

    /** A live grant whose resident's account is usable and still bound to the grant's person. */
    private boolean usable(JdbcSmartGrants.Grant grant) {
        return grant.live() && users.find(grant.userId()).filter(User::active).filter(User::resident)
                .map(u -> u.personId() != null && u.personId() == grant.personId()).orElse(false);
    }

    private Answer granted(JdbcSmartApps.App app, JdbcSmartGrants.Grant grant, List<String> scopes, String nonce,
                           Endpoints endpoints, String grantType) {
        TokenIssuer.Issued issued = issuer.issue(grant, app.clientId(), scopes, nonce, endpoints);
        audit.record(AuditEntry.of(AuditAction.API_TOKEN_ISSUE, Outcome.PERMIT).on("SmartGrant", grant.id())
                .by(actor(grant, app)).reason(grantType + " " + SmartScopes.joined(scopes)
                        + (issued.refreshToken() != null ? " with refresh token" : "")));
        return new Granted(issued);
    }

    private Answer replayed(JdbcSmartApps.App app, JdbcSmartGrants.Grant grant, String reason) {
        grants.revoke(grant.id(), reason);
        audit.record(AuditEntry.of(AuditAction.APP_REVOKE, Outcome.DENY).on("SmartGrant", grant.id())
                .by(actor(grant, app)).reason("invalid_grant: " + reason + ", grant revoked"));
        return new Refused("invalid_grant", reason + "; the grant is revoked");
    }

    private Answer refuse(JdbcSmartApps.App app, JdbcSmartGrants.Grant grant, String error, String reason) {
        Actor actor = grant == null ? Actor.unknownUser(app.clientId()) : actor(grant, app);
        AuditEntry entry = AuditEntry.of(AuditAction.API_TOKEN_ISSUE, Outcome.DENY).by(actor).reason(error + ": " + reason);
        audit.record(grant == null ? entry : entry.on("SmartGrant", grant.id()));
        return new Refused(error, reason);
    }

    private Answer refuseClient(String clientId, String grantType) {
        audit.record(AuditEntry.of(AuditAction.API_TOKEN_ISSUE, Outcome.DENY)
                .by(Actor.unknownUser(clientId == null ? null : clientId.substring(0, Math.min(64, clientId.length()))))
                .reason("invalid_client: " + grantType + " for an unknown or stopped app"));
        return new Refused("invalid_client", "unknown or stopped app (client_id)");
    }

    /** The audit trail's actor of an app's request: the resident (user id), the app (login id: its client ID). */
    static Actor actor(JdbcSmartGrants.Grant grant, JdbcSmartApps.App app) {
        return new Actor(grant.userId(), app.clientId(), null, AppAccess.PROFESSION);
    }
}
