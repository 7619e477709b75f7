package org.musubi.security.internal.account;

import java.util.List;
import org.musubi.security.DemoAccounts;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcDemoAccounts implements DemoAccounts {

    private final JdbcCredentials credentials;
    private final PasswordEncoder encoder;

    JdbcDemoAccounts(JdbcCredentials credentials, PasswordEncoder encoder) {
        this.credentials = credentials;
        this.encoder = encoder;
    }

    @Override
    @Transactional
    public void prepare(List<Long> userIds, String password) {
        String hash = encoder.encode(password);
        for (long userId : userIds) {
            credentials.create(userId, hash, false);
            credentials.enrol(userId, DEMO_TOTP_SECRET, -1, List.of());
        }
    }
}
