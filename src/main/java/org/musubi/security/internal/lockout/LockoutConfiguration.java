package org.musubi.security.internal.lockout;

import java.time.Clock;
import org.musubi.database.Standby;
import org.musubi.security.ClientLockouts;
import org.musubi.security.LoginThrottle;
import org.musubi.security.SecurityProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The login throttle per client address and the lock notices per client and login id, counted in PostgreSQL so that
 * every node of a network answers alike (issue 41), in this node's memory while the database is a read-only standby.
 */
@Configuration(proxyBeanMethods = false)
class LockoutConfiguration {

    @Bean
    LoginThrottle loginThrottle(SecurityProperties properties, JdbcClient jdbc, Standby standby) {
        return new LoginThrottle(properties.ipMaxFailures(), properties.ipWindow(), Clock.systemUTC(),
                new JdbcLoginWindows(jdbc, standby));
    }

    @Bean
    ClientLockouts clientLockouts(SecurityProperties properties, JdbcClient jdbc, Standby standby) {
        return new ClientLockouts(properties.maxFailedAttempts(), properties.lockDuration(), Clock.systemUTC(),
                new JdbcLockNotices(jdbc, standby));
    }
}
