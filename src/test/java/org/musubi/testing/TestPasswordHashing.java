package org.musubi.testing;

import org.musubi.identity.cards.CardCodes;
import org.musubi.identity.cards.CheckCodePepper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Cheap slow hashes for the servers the integration tests start in their own JVM: argon2id at 1 MiB and one pass
 * instead of the product's 16 MiB and two passes for passwords and API clients' secrets
 * ({@code security.internal.password.PasswordConfiguration}, unchanged) and 4 MiB and one pass for card check codes
 * ({@code identity.IdentityConfiguration}, unchanged). Every test user's password is hashed when the user is made and
 * again at each sign-in, every API client's secret when it is registered and at each token request, and every card's
 * check code when the card is issued (each victim of the attacker suites has one): thousands of hashes, which were the
 * largest single cost of the tests' own JVMs after the JIT. The hashes stay argon2id (a hash names its own parameters,
 * so either encoder checks the other's) and the check codes stay peppered, so the tests still prove the real path;
 * only the cost per hash differs. Part of the one integration-test context ({@link MusubiIntegrationTest}) and of the
 * servers the demo and standby drills start in the test's JVM; deliberately not a configuration, like
 * {@link StatementCounter}. Servers started as processes of their own (ChildServers) keep the product's costs.
 */
public class TestPasswordHashing {

    private static final Argon2PasswordEncoder CHEAP = new Argon2PasswordEncoder(16, 32, 1, 1 << 10, 1);

    @Bean
    static BeanPostProcessor cheapArgon2(ObjectProvider<CheckCodePepper> pepper) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof Argon2PasswordEncoder && name.equals("passwordEncoder")) {
                    return CHEAP;
                }
                if (bean instanceof CardCodes && name.equals("cardCodes")) {
                    return new CardCodes(CHEAP::encode, CHEAP::matches, pepper.getObject());
                }
                return bean;
            }
        };
    }
}
