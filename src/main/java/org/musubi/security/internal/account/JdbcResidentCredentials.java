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
 * A confirmed recovery of an account also removes its passkeys, My Number card links and apps and ends its sessions
 * ({@link OtherWaysIn}): whoever lost control of the account may have added their own, and each is a way in without
 * the new password (the resident adds them again). Enrolling a new account removes any card link as well.
 */
@Service
class JdbcResidentCredentials implements ResidentCredentials {

    private final JdbcCredentials credentials;
    private final PasswordEncoder encoder;
    private final OidcLinks links;
    private final Audit audit;
    private final OtherWaysIn otherWaysIn;

    JdbcResidentCredentials(JdbcCredentials credentials, PasswordEncoder encoder, OidcLinks links, Audit audit,
                            OtherWaysIn otherWaysIn) {
        this.credentials = credentials;
        this.encoder = encoder;
        this.links = links;
        this.audit = audit;
        this.otherWaysIn = otherWaysIn;
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

    @Override
    public Replacement prepare(String password, String totpSecret, long provenStep) {
        return new Replacement(encoder.encode(password), credentials.sealTotp(totpSecret), provenStep);
    }

    @Override
    @Transactional
    public Removed replace(long userId, Replacement replacement, String regionalId) {
        credentials.create(userId, replacement.passwordHash(), false);
        credentials.resetFailures(userId);
        credentials.enrolSealed(userId, replacement.sealedTotpSecret(), replacement.provenStep());
        return otherWaysIn.close(userId, regionalId);
    }
}
