package org.musubi.security.internal.account;

import java.util.List;
import org.musubi.audit.Actor;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.security.ResidentCredentials;
import org.musubi.security.internal.oidc.OidcLinks;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Residents' credentials in the same {@code credential} rows as everyone's, so login, lock-out and TOTP are shared.
 * A registration that recovers an account also removes its My Number card links: whoever lost control of the account
 * may have linked their own card, and a link is a way in without the new password (the resident links again).
 */
@Service
class JdbcResidentCredentials implements ResidentCredentials {

    private final JdbcCredentials credentials;
    private final PasswordEncoder encoder;
    private final OidcLinks links;
    private final Audit audit;

    JdbcResidentCredentials(JdbcCredentials credentials, PasswordEncoder encoder, OidcLinks links, Audit audit) {
        this.credentials = credentials;
        this.encoder = encoder;
        this.links = links;
        this.audit = audit;
    }

    @Override
    @Transactional
    public void enrol(long userId, String password, String totpSecret, long provenStep) {
        credentials.create(userId, encoder.encode(password), false);
        credentials.resetFailures(userId);
        credentials.enrol(userId, totpSecret, provenStep, List.of());
        for (OidcLinks.Link removed : links.removeAll(userId)) {
            audit.record(AuditEntry.of(AuditAction.OIDC_UNLINK, Outcome.PERMIT).on("User", userId)
                    .by(Actor.unknownUser("phr-registration"))
                    .reason("provider " + removed.provider() + ": removed at re-registration with a new code"));
        }
    }
}
