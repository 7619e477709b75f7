package org.musubi.security.internal.login;

import java.time.Clock;
import java.time.Instant;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.User;
import org.musubi.registry.Users;
import org.musubi.security.internal.DemoModeProperties;
import org.musubi.security.internal.account.Credential;
import org.musubi.security.internal.account.JdbcCredentials;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Loads a user for the password step. Disabled users, users none of whose facilities is active,
 * and demo accounts outside demo mode cannot log in.
 */
@Service
class LoginAccounts implements UserDetailsService {

    private final Users users;
    private final Facilities facilities;
    private final JdbcCredentials credentials;
    private final boolean demoMode;
    private final Clock clock = Clock.systemUTC();

    LoginAccounts(Users users, Facilities facilities, JdbcCredentials credentials,
                  DemoModeProperties demo) {
        this.users = users;
        this.facilities = facilities;
        this.credentials = credentials;
        this.demoMode = demo.enabled();
    }

    @Override
    public UserDetails loadUserByUsername(String loginId) {
        User user = users.findByLoginId(loginId).orElseThrow(() -> new UsernameNotFoundException("unknown"));
        Credential credential = credentials.find(user.id()).orElseThrow(() -> new UsernameNotFoundException("no credential"));
        Instant now = Instant.now(clock);
        if (credential.lockedUntil() != null && !credential.lockedAt(now)) {
            credentials.resetFailures(user.id());
        }
        return new LoginAccount(user.id(), user.loginId(), credential.passwordHash(), mayLogIn(user),
                credential.lockedAt(now));
    }

    private boolean mayLogIn(User user) {
        if (!user.active() || (user.demo() && !demoMode)) {
            return false;
        }
        return user.resident() || user.networkAdmin() || user.memberships().stream()
                .anyMatch(m -> facilities.find(m.facilityId()).map(Facility::active).orElse(false));
    }
}
