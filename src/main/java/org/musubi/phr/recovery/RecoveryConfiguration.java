package org.musubi.phr.recovery;

import java.time.Clock;
import java.time.Duration;
import org.musubi.audit.Audit;
import org.musubi.consent.CardProofThrottle;
import org.musubi.database.JobLocks;
import org.musubi.database.Standby;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.cards.CardCodes;
import org.musubi.identity.cards.Cards;
import org.musubi.phr.PhrProperties;
import org.musubi.policy.PersonAccess;
import org.musubi.registry.Users;
import org.musubi.security.ResidentCredentials;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the notebook's account recovery: its use cases, and the hourly expiry of pending recoveries. */
@Configuration(proxyBeanMethods = false)
class RecoveryConfiguration {

    /** How often pending recoveries past their time are recorded expired (they count as gone at once anyway). */
    static final Duration EXPIRY_RUNS = Duration.ofHours(1);

    @Bean
    RecoveryRules recoveryRules(PhrProperties properties) {
        return new RecoveryRules(properties.recoveryValidity(), Clock.systemUTC());
    }

    @Bean
    DecideRecovery decideRecovery(PersonAccess access, AccountRecoveries recoveries, Users users,
                                  ResidentCredentials credentials, Cards cards, CardCodes codes,
                                  CardProofThrottle throttle, Audit audit, RecoveryRules rules) {
        return new DecideRecovery(access, recoveries, new ApplyRecovery(users, credentials, recoveries),
                new CardAtHand(cards, codes, throttle, users, Clock.systemUTC()), audit, rules);
    }

    @Bean
    MyRecovery myRecovery(PersonAccess access, Users users, AccountRecoveries recoveries, RecoveryRules rules) {
        return new MyRecovery(access, users, recoveries, rules);
    }

    @Bean
    ExpireRecoveries expireRecoveries(AccountRecoveries recoveries, IdentityStore identities, Audit audit,
                                      RecoveryRules rules) {
        return new ExpireRecoveries(recoveries, identities, audit, rules);
    }

    @Bean
    ExpiryTimer recoveryExpiryTimer(ExpireRecoveries expiry, Standby standby, JobLocks jobs) {
        return new ExpiryTimer(expiry, standby::readOnly, jobs, EXPIRY_RUNS);
    }
}
