package org.musubi.security.internal.password;

import org.musubi.audit.Actor;
import org.musubi.registry.Users;
import org.musubi.security.Reauthentication;
import org.musubi.security.internal.account.Credential;
import org.musubi.security.internal.account.JdbcCredentials;
import org.musubi.security.internal.login.LoginOutcomes;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

@Service
class PasswordReauthentication implements Reauthentication {

    private final JdbcCredentials credentials;
    private final PasswordEncoder encoder;
    private final LoginOutcomes outcomes;
    private final Users users;

    PasswordReauthentication(JdbcCredentials credentials, PasswordEncoder encoder, LoginOutcomes outcomes, Users users) {
        this.credentials = credentials;
        this.encoder = encoder;
        this.outcomes = outcomes;
        this.users = users;
    }

    @Override
    public boolean confirm(long userId, String password) {
        Credential credential = credentials.find(userId).orElse(null);
        if (credential != null && password != null && encoder.matches(password, credential.passwordHash())) {
            return true;
        }
        String loginId = users.find(userId).map(u -> u.loginId()).orElse(null);
        outcomes.countFailure(userId, new Actor(userId, loginId, null, null));
        return false;
    }
}
