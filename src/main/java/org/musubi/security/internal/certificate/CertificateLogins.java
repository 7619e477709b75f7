package org.musubi.security.internal.certificate;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.musubi.audit.Actor;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.registry.Users;
import org.musubi.security.internal.login.LoginAccount;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Whose first factor a presented certificate is: a certificate Musubi trusts now ({@link CertificateChecks}), registered
 * and not revoked, of a staff account that may log in (the same account checks as the password step). Every refusal
 * says why, for the audit trail only.
 */
@Component
class CertificateLogins {

    /** What the certificate comes to. */
    sealed interface Decision permits Accepted, Refused, Locked {
    }

    /** The account's first factor is proven. {@code tag} names the certificate for the audit trail. */
    record Accepted(long certificateId, long userId, String loginId, String tag) implements Decision {
    }

    /** Refused: who (an unknown user when no account is known), why, and whether the header was forged. */
    record Refused(Actor actor, String reason, boolean forged) implements Decision {
    }

    /** The certificate is the account's, and the account is locked out for now. */
    record Locked(long userId, String loginId, String tag) implements Decision {
    }

    private final PresentedCertificates presented;
    private final TrustAnchorFiles anchors;
    private final ClientCertificateStore store;
    private final Users users;
    private final UserDetailsService accounts;
    private final Clock clock = Clock.systemUTC();

    CertificateLogins(PresentedCertificates presented, TrustAnchorFiles anchors, ClientCertificateStore store,
                      Users users, UserDetailsService accounts) {
        this.presented = presented;
        this.anchors = anchors;
        this.store = store;
        this.users = users;
        this.accounts = accounts;
    }

    Decision decide(HttpServletRequest request) {
        return switch (presented.from(request)) {
            case PresentedCertificates.Forged forged -> new Refused(Actor.unknownUser("certificate"),
                    "forged certificate header: " + forged.reason(), true);
            case PresentedCertificates.Nothing nothing -> new Refused(Actor.unknownUser("certificate"), nothing.reason(),
                    false);
            case PresentedCertificates.Certificate certificate -> decide(certificate);
        };
    }

    private Decision decide(PresentedCertificates.Certificate presented) {
        byte[] fingerprint = PemCertificates.fingerprint(presented.leaf());
        String tag = "certificate " + PemCertificates.shortly(fingerprint) + " by " + presented.via();
        Actor unknown = Actor.unknownUser("cert:" + PemCertificates.shortly(fingerprint));
        Optional<String> fault = CertificateChecks.fault(presented.leaf(), presented.chain(), anchors.load(),
                Instant.now(clock));
        if (fault.isPresent()) {
            return new Refused(unknown, fault.get() + ", " + tag, false);
        }
        Optional<ClientCertificateStore.Registered> registered = store.byFingerprint(fingerprint);
        if (registered.isEmpty()) {
            return new Refused(unknown, "not registered, " + tag, false);
        }
        Optional<User> user = users.find(registered.get().userId());
        Actor actor = user.map(u -> new Actor(u.id(), u.loginId(), null, null)).orElse(unknown);
        if (registered.get().revoked()) {
            return new Refused(actor, "revoked on " + registered.get().revokedAt() + ", " + tag, false);
        }
        if (user.isEmpty() || user.get().resident() || user.get().profession() == Profession.FACILITY_SYSTEM) {
            return new Refused(actor, "not a staff account, " + tag, false);
        }
        LoginAccount account;
        try {
            account = (LoginAccount) accounts.loadUserByUsername(user.get().loginId());
        } catch (UsernameNotFoundException e) {
            return new Refused(actor, "account without login, " + tag, false);
        }
        if (!account.isEnabled()) {
            return new Refused(actor, "account disabled, " + tag, false);
        }
        if (!account.isAccountNonLocked()) {
            return new Locked(account.userId(), account.loginId(), tag);
        }
        return new Accepted(registered.get().id(), account.userId(), account.loginId(), tag);
    }
}
