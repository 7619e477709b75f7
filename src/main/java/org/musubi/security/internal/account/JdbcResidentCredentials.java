package org.musubi.security.internal.account;

import java.util.List;
import org.musubi.security.ResidentCredentials;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Residents' credentials in the same {@code credential} rows as everyone's, so login, lock-out and TOTP are shared. */
@Service
class JdbcResidentCredentials implements ResidentCredentials {

    private final JdbcCredentials credentials;
    private final PasswordEncoder encoder;

    JdbcResidentCredentials(JdbcCredentials credentials, PasswordEncoder encoder) {
        this.credentials = credentials;
        this.encoder = encoder;
    }

    @Override
    @Transactional
    public void enrol(long userId, String password, String totpSecret, long provenStep) {
        credentials.create(userId, encoder.encode(password), false);
        credentials.resetFailures(userId);
        credentials.enrol(userId, totpSecret, provenStep, List.of());
    }
}
