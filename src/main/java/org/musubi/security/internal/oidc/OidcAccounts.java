package org.musubi.security.internal.oidc;

import java.time.Instant;
import java.util.Optional;
import org.musubi.registry.User;
import org.musubi.registry.Users;
import org.musubi.security.internal.DemoModeProperties;
import org.musubi.security.internal.account.Credential;
import org.musubi.security.internal.account.JdbcCredentials;
import org.springframework.stereotype.Component;

/**
 * Whose account a verified subject opens: the resident account linked to it, if that account may log in now (active,
 * a resident's, not locked; demo accounts only in demo mode). For the step after a password, only the account that
 * proved the password in this session.
 */
@Component
class OidcAccounts {

    /** What a verified subject comes to. */
    sealed interface Resolution permits Ready, Unlinked, NotAllowed {
    }

    /** The account may log in. */
    record Ready(OidcLinks.Link link, long userId, String loginId, boolean passwordChangeRequired) implements Resolution {
    }

    /** No account is linked to the subject (a login by the card alone). */
    record Unlinked() implements Resolution {
    }

    /** An account that may not log in now, and why; {@code locked} when the reason is its lock-out. */
    record NotAllowed(long userId, String loginId, String reason, boolean locked) implements Resolution {
    }

    private final OidcLinks links;
    private final Users users;
    private final JdbcCredentials credentials;
    private final boolean demoMode;

    OidcAccounts(OidcLinks links, Users users, JdbcCredentials credentials,
                 DemoModeProperties demo) {
        this.links = links;
        this.users = users;
        this.credentials = credentials;
        this.demoMode = demo.enabled();
    }

    Resolution resolve(RoundTrip.Verified verified) {
        Optional<OidcLinks.Link> link = links.bySubject(verified.provider().id(), verified.subject());
        Long expected = verified.pending().userId();
        if (expected != null && link.map(l -> l.userId() != expected).orElse(true)) {
            return new NotAllowed(expected, loginId(expected), "subject not linked to this account", false);
        }
        if (link.isEmpty()) {
            return new Unlinked();
        }
        long userId = link.get().userId();
        Optional<User> user = users.find(userId);
        Optional<Credential> credential = credentials.find(userId);
        if (user.isEmpty() || credential.isEmpty() || !user.get().active() || !user.get().resident()
                || (user.get().demo() && !demoMode)) {
            return new NotAllowed(userId, loginId(userId), "account disabled", false);
        }
        if (credential.get().lockedAt(Instant.now())) {
            return new NotAllowed(userId, user.get().loginId(), "locked", true);
        }
        return new Ready(link.get(), userId, user.get().loginId(), credential.get().passwordChangeRequired());
    }

    String loginId(long userId) {
        return users.find(userId).map(User::loginId).orElse(null);
    }
}
