package org.musubi.security.internal.smart;

import java.time.Clock;
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
 * A resident's app's access token on {@code /fhir}: known, unexpired, its grant live (not disconnected), its app not
 * stopped and its resident's account active and still bound to the grant's person. A refused token leaves one audit
 * row ({@code API_TOKEN_USE}, never the token); an accepted one none here (the call's own row names the app).
 */
@Component
public class AppBearerTokens {

    private final JdbcSmartApps apps;
    private final JdbcSmartGrants grants;
    private final Users users;
    private final Audit audit;
    private final Clock clock = Clock.systemUTC();

    AppBearerTokens(JdbcSmartApps apps, JdbcSmartGrants grants, Users users, Audit audit) {
        this.apps = apps;
        this.grants = grants;
        this.users = users;
        this.audit = audit;
    }

    /** The resident acting through the app, and what the app may do. */
    public record AppCaller(User resident, AppAccess access) {
    }

    /** Whether the token is of the kind residents' apps are given (the others are API clients'). */
    public static boolean recognises(String token) {
        return token != null && token.startsWith(TokenIssuer.ACCESS_PREFIX);
    }

    public Optional<AppCaller> authenticate(String token) {
        Optional<JdbcSmartGrants.Token> stored = token.length() > 100 ? Optional.empty()
                : grants.access(RandomTokens.hash(token), clock.instant());
        if (stored.isEmpty()) {
            audit.record(AuditEntry.of(AuditAction.API_TOKEN_USE, Outcome.DENY).by(Actor.anonymous())
                    .reason("invalid_token: unknown, expired or revoked app token"));
            return Optional.empty();
        }
        JdbcSmartGrants.Grant grant = grants.find(stored.get().grantId()).orElseThrow();
        JdbcSmartApps.App app = apps.find(grant.appId()).orElseThrow();
        Optional<User> resident = users.find(grant.userId()).filter(User::active).filter(User::resident)
                .filter(u -> u.personId() != null && u.personId() == grant.personId());
        if (!grant.live() || !app.active() || resident.isEmpty()) {
            audit.record(AuditEntry.of(AuditAction.API_TOKEN_USE, Outcome.DENY).by(SmartTokens.actor(grant, app))
                    .reason("invalid_token: app stopped, grant revoked or resident's account unavailable"));
            return Optional.empty();
        }
        grants.touch(grant.id());
        return Optional.of(new AppCaller(resident.get(), new AppAccess(grant.personId(), app.clientId(),
                SmartScopes.reads(stored.get().scopes()))));
    }
}
