package org.musubi.security.internal.smart;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.audit.Purpose;
import org.musubi.identity.IdentityStore;
import org.musubi.registry.User;
import org.musubi.security.internal.api.RandomTokens;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A resident's decisions about apps: approving one (a grant for their own person, replacing an earlier grant to the
 * same app, and a one-time code), declining, and disconnecting one later (its grant revoked, its tokens deleted: the
 * app's next call is refused). Each is one audit row with the resident's regional ID as patient, purpose
 * {@code PATIENT_SELF_ACCESS}.
 */
@Service
public class AppConsents {

    private final JdbcSmartApps apps;
    private final JdbcSmartGrants grants;
    private final SmartProperties properties;
    private final IdentityStore identities;
    private final Audit audit;
    private final Clock clock = Clock.systemUTC();

    AppConsents(JdbcSmartApps apps, JdbcSmartGrants grants, SmartProperties properties, IdentityStore identities,
                Audit audit) {
        this.apps = apps;
        this.grants = grants;
        this.properties = properties;
        this.identities = identities;
        this.audit = audit;
    }

    /**
     * The code for the app, when the app is still active with that redirect URI; empty (and audited) when the operator
     * stopped it meanwhile.
     */
    @Transactional
    Optional<String> approve(AuthorizationRequests.Pending pending, User resident) {
        boolean usable = apps.find(pending.appId()).filter(JdbcSmartApps.App::active)
                .filter(a -> a.redirectUris().contains(pending.redirectUri())).isPresent();
        if (!usable) {
            audit.record(entry(Outcome.DENY, resident).reason(pending.clientId() + " stopped before the approval"));
            return Optional.empty();
        }
        long grantId = grants.grant(pending.appId(), resident.id(), resident.personId(), pending.scopes());
        String code = RandomTokens.urlSafe(32);
        grants.saveCode(RandomTokens.hash(code), grantId, pending.redirectUri(), pending.challenge(), pending.nonce(),
                clock.instant().plus(properties.codeLifetime()));
        audit.record(entry(Outcome.PERMIT, resident).on("SmartGrant", grantId)
                .reason(pending.clientId() + " approved: " + SmartScopes.joined(pending.scopes())));
        return Optional.of(code);
    }

    void declined(AuthorizationRequests.Pending pending, User resident) {
        audit.record(entry(Outcome.DENY, resident).reason("access_denied: " + pending.clientId() + " declined by the resident"));
    }

    /** The resident's connected apps. */
    List<JdbcSmartGrants.Connection> connections(long userId) {
        return grants.connections(userId);
    }

    /** Disconnects one of the resident's own live grants; false (audited) for anything else. */
    @Transactional
    boolean disconnect(User resident, long grantId) {
        Optional<JdbcSmartGrants.Connection> own = grants.connections(resident.id()).stream()
                .filter(c -> c.grantId() == grantId).findFirst();
        if (own.isEmpty() || !grants.revoke(grantId, "disconnected by the resident")) {
            audit.record(AuditEntry.of(AuditAction.APP_REVOKE, Outcome.DENY).on("SmartGrant", grantId)
                    .purpose(Purpose.PATIENT_SELF_ACCESS).reason("smart.notFound"));
            return false;
        }
        audit.record(AuditEntry.of(AuditAction.APP_REVOKE, Outcome.PERMIT).on("SmartGrant", grantId)
                .patient(regionalId(resident)).purpose(Purpose.PATIENT_SELF_ACCESS)
                .reason(own.get().clientId() + " disconnected by the resident"));
        return true;
    }

    /**
     * Disconnects every app of the account (its password and authenticator were replaced: whoever held it may have
     * connected their own), each audited as {@code APP_REVOKE} naming the person; how many.
     */
    @Transactional
    public int disconnectAll(long userId, String regionalId, String why) {
        int disconnected = 0;
        for (JdbcSmartGrants.Connection connection : grants.connections(userId)) {
            if (grants.revoke(connection.grantId(), why)) {
                audit.record(AuditEntry.of(AuditAction.APP_REVOKE, Outcome.PERMIT).on("SmartGrant", connection.grantId())
                        .patient(regionalId).reason(connection.clientId() + " " + why));
                disconnected++;
            }
        }
        return disconnected;
    }

    private AuditEntry entry(Outcome outcome, User resident) {
        return AuditEntry.of(AuditAction.APP_AUTHORIZE, outcome).patient(regionalId(resident))
                .purpose(Purpose.PATIENT_SELF_ACCESS);
    }

    private String regionalId(User resident) {
        return identities.person(resident.personId()).map(p -> p.person().regionalId()).orElse(null);
    }
}
