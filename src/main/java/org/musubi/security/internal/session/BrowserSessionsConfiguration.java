package org.musubi.security.internal.session;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.musubi.database.Standby;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.DestructionAwareBeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Browser sessions: Spring Boot sets up Spring Session JDBC (the tables of V39, the idle timeout
 * {@code server.servlet.session.timeout}, the cookie {@code MUSUBI_SESSION}); this wraps its repository in
 * {@link StandbySessions}, which keeps sessions in memory while the database is a read-only standby and removes
 * expired sessions (Spring Session's own cleanup is off: {@code spring.session.jdbc.cleanup-cron=-}).
 */
@Configuration(proxyBeanMethods = false)
class BrowserSessionsConfiguration {

    static final Duration CLEANUP = Duration.ofMinutes(1);

    @Bean
    static BeanPostProcessor standbyAwareSessions(ObjectProvider<Standby> standby) {
        return new DestructionAwareBeanPostProcessor() {
            private final Map<Object, StandbySessions> wrapped = new ConcurrentHashMap<>();

            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!(bean instanceof JdbcIndexedSessionRepository jdbc)) {
                    return bean;
                }
                StandbySessions sessions = new StandbySessions(jdbc, standby.getObject(), Clock.systemUTC())
                        .cleanEvery(CLEANUP);
                wrapped.put(bean, sessions);
                return sessions;
            }

            @Override
            public boolean requiresDestruction(Object bean) {
                return bean instanceof JdbcIndexedSessionRepository;
            }

            @Override
            public void postProcessBeforeDestruction(Object bean, String name) {
                StandbySessions sessions = wrapped.remove(bean);
                if (sessions != null) {
                    sessions.close();
                }
            }
        };
    }
}
