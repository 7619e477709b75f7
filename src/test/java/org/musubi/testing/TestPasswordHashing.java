package org.musubi.testing;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Cheap password hashing for the integration tests' server: argon2id at 1 MiB and one pass instead of the product's
 * 16 MiB and two passes ({@code security.internal.password.PasswordConfiguration}, unchanged). Every test user's password
 * is hashed when the user is made and again at each sign-in, and every API client's secret when it is registered and
 * at each token request: hundreds of hashes in the attacker suite alone, each about 16 times the work of these. The
 * hashes stay argon2id (a hash names its own parameters, so either encoder checks the other's), so the tests still
 * prove the real path; only the cost per hash differs. Part of the one integration-test context
 * ({@link MusubiIntegrationTest}); deliberately not a configuration, like {@link StatementCounter}.
 */
public class TestPasswordHashing {

    @Bean
    static BeanPostProcessor cheapArgon2() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof Argon2PasswordEncoder && name.equals("passwordEncoder")
                        ? new Argon2PasswordEncoder(16, 32, 1, 1 << 10, 1) : bean;
            }
        };
    }
}
