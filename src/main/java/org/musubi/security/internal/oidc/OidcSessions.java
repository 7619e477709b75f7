package org.musubi.security.internal.oidc;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.musubi.audit.Actor;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.security.internal.account.JdbcCredentials;
import org.musubi.security.internal.login.LoginOutcomes;
import org.musubi.security.internal.session.SessionUpgrade;
import org.springframework.stereotype.Component;

/**
 * Ends a login round trip as the other login steps end: a full session with a new id, the client's lock notices
 * forgotten and one {@code LOGIN_OIDC} row; or a refusal that is audited, counts against the client address, and,
 * at the step after a password, against the account like a wrong code.
 */
@Component
class OidcSessions {

    private final SessionUpgrade upgrade;
    private final LoginOutcomes outcomes;
    private final Audit audit;
    private final JdbcCredentials credentials;
    private final OidcLinks links;

    OidcSessions(SessionUpgrade upgrade, LoginOutcomes outcomes, Audit audit, JdbcCredentials credentials,
                 OidcLinks links) {
        this.upgrade = upgrade;
        this.outcomes = outcomes;
        this.audit = audit;
        this.credentials = credentials;
        this.links = links;
    }

    /** The account's full session; returns where the browser goes next. */
    String complete(OidcAccounts.Ready ready, RoundTrip.Verified verified, HttpServletRequest request,
                    HttpServletResponse response) {
        links.used(ready.link().id());
        credentials.resetFailures(ready.userId());
        upgrade.complete(ready.userId(), ready.passwordChangeRequired(), request, response);
        outcomes.loggedIn(request, ready.loginId());
        audit.record(AuditEntry.of(AuditAction.LOGIN_OIDC, Outcome.PERMIT).on("User", ready.userId())
                .by(new Actor(ready.userId(), ready.loginId(), null, null))
                .reason(describe(verified.provider(), verified.pending().purpose()) + ", " + fingerprint(verified)));
        return upgrade.landing(ready.userId(), ready.passwordChangeRequired(), request);
    }

    /**
     * A refused login round trip, audited and counted; returns whether the account ({@code userId}, when known) is
     * locked now. Without a known account the row's login id is {@code oidc:<provider>} (or {@code oidc} when not even
     * the provider is known), which no login id can be.
     */
    boolean refuse(String providerId, RoundTrip.Purpose purpose, Long userId, String loginId, String reason,
                   HttpServletRequest request) {
        Actor actor = userId != null ? new Actor(userId, loginId, null, null)
                : Actor.unknownUser(providerId == null ? "oidc" : "oidc:" + providerId);
        AuditEntry entry = AuditEntry.of(AuditAction.LOGIN_OIDC, Outcome.DENY).by(actor)
                .reason(providerId == null ? reason : "provider " + providerId + ": " + reason);
        audit.record(userId == null ? entry : entry.on("User", userId));
        outcomes.throttle(request, actor);
        if (userId != null && purpose == RoundTrip.Purpose.SECOND_STEP) {
            return outcomes.countFailure(userId, actor);
        }
        return false;
    }

    /** The client is told until when the account is locked, as after a wrong password. */
    String lockedOut(HttpServletRequest request, long userId, String loginId) {
        return outcomes.lockedOut(request, userId, loginId);
    }

    static String describe(OidcProperties.Provider provider, RoundTrip.Purpose purpose) {
        return "provider " + provider.id() + (purpose == RoundTrip.Purpose.SECOND_STEP ? " after the password" : "");
    }

    /**
     * A short, one-way token of the subject for the audit trail: enough to see that two rows concern the same card
     * holder, without writing the provider's identifier of them into the trail.
     */
    static String fingerprint(RoundTrip.Verified verified) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((verified.provider().id() + "\n"
                    + verified.subject()).getBytes(StandardCharsets.UTF_8));
            return "subject " + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
