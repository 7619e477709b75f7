package org.musubi.security.internal.account;

import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.registry.Users;
import org.musubi.security.ResidentCredentials;
import org.musubi.security.internal.oidc.OidcLinks;
import org.musubi.security.internal.passkey.PasskeyStore;
import org.musubi.security.internal.smart.AppConsents;
import org.springframework.stereotype.Component;

/**
 * Closes every way into a resident's account besides its password and authenticator, when a confirmed recovery
 * replaces those: its passkeys, its My Number card links (each audited {@code OIDC_UNLINK}), its apps' grants (each
 * audited {@code APP_REVOKE}) and its sessions (ended on their next request, as a disabled account's are).
 */
@Component
class OtherWaysIn {

    static final String WHY = "removed when the re-registration with a new code was confirmed";
    private final PasskeyStore passkeys;
    private final OidcLinks links;
    private final AppConsents apps;
    private final Users users;
    private final Audit audit;

    OtherWaysIn(PasskeyStore passkeys, OidcLinks links, AppConsents apps, Users users, Audit audit) {
        this.passkeys = passkeys;
        this.links = links;
        this.apps = apps;
        this.users = users;
        this.audit = audit;
    }

    ResidentCredentials.Removed close(long userId, String regionalId) {
        int removedPasskeys = passkeys.removeAll(userId);
        int removedLinks = 0;
        for (OidcLinks.Link removed : links.removeAll(userId)) {
            audit.record(AuditEntry.of(AuditAction.OIDC_UNLINK, Outcome.PERMIT).on("User", userId).patient(regionalId)
                    .reason("provider " + removed.provider() + ": " + WHY));
            removedLinks++;
        }
        int disconnected = apps.disconnectAll(userId, regionalId, WHY);
        users.endSessions(userId);
        return new ResidentCredentials.Removed(removedPasskeys, removedLinks, disconnected);
    }
}
