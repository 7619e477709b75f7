package org.musubi.security.internal.session;

import jakarta.servlet.DispatcherType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.musubi.database.Standby;
import org.musubi.security.SecretBox;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.DestructionAwareBeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.DefaultDeserializer;
import org.springframework.core.serializer.DefaultSerializer;
import org.springframework.core.serializer.Deserializer;
import org.springframework.core.serializer.Serializer;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Browser sessions: Spring Boot sets up Spring Session JDBC (the tables of V39, the idle timeout
 * {@code server.servlet.session.timeout}, the cookie {@code MUSUBI_SESSION}); this wraps its repository in
 * {@link StandbySessions}, which keeps sessions in memory while the database is a read-only standby and removes
 * expired sessions (Spring Session's own cleanup is off: {@code spring.session.jdbc.cleanup-cron=-}), and seals every
 * stored attribute with the operator's key.
 */
@Configuration(proxyBeanMethods = false)
class BrowserSessionsConfiguration {

    static final Duration CLEANUP = Duration.ofMinutes(1);
    /** The purpose a session attribute is sealed for. */
    static final String SEALED_AS = "browser-session-attribute";

    /**
     * How Spring Session JDBC stores each attribute: Java serialisation, sealed with the operator's key
     * ({@link SecretBox}, AES-256-GCM), so that the session table holds nothing readable (a secret shown once passes
     * through a session on its way to the page). A value that cannot be opened (another key) is no session.
     */
    @Bean(name = "springSessionConversionService")
    static GenericConversionService springSessionConversionService(ObjectProvider<SecretBox> box) {
        Serializer<Object> serializer = new DefaultSerializer();
        Deserializer<Object> deserializer = new DefaultDeserializer(BrowserSessionsConfiguration.class.getClassLoader());
        GenericConversionService conversions = new GenericConversionService();
        conversions.addConverter(Object.class, byte[].class,
                value -> box.getObject().sealBytes(SEALED_AS, serialize(serializer, value)));
        conversions.addConverter(byte[].class, Object.class,
                sealed -> deserialize(deserializer, box.getObject().openBytes(SEALED_AS, sealed)));
        return conversions;
    }

    private static byte[] serialize(Serializer<Object> serializer, Object value) {
        try {
            return serializer.serializeToByteArray(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object deserialize(Deserializer<Object> deserializer, byte[] bytes) {
        try {
            return deserializer.deserializeFromByteArray(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@link SessionRequestScope}, just ahead of Spring Session's filter, for the same dispatches. */
    @Bean
    static FilterRegistrationBean<SessionRequestScope> sessionRequestScope() {
        FilterRegistrationBean<SessionRequestScope> registration = new FilterRegistrationBean<>(new SessionRequestScope());
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
        registration.addUrlPatterns("/*");
        registration.setName("sessionRequestScope");
        return registration;
    }

    /**
     * {@link SessionSnapshotFilter}, just behind Spring Session's filter, for the first dispatch of the requests under
     * its routes: their session is read as stored and written back only when they change it (or once a minute). A
     * server's only: the commands ({@code import}, {@code backup} …) have no sessions.
     */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static FilterRegistrationBean<SessionSnapshotFilter> sessionSnapshots(ObjectProvider<SessionRepository<?>> sessions,
                                                                          ObjectProvider<CookieSerializer> cookies) {
        CookieHttpSessionIdResolver ids = new CookieHttpSessionIdResolver();
        ids.setCookieSerializer(cookies.getIfAvailable(DefaultCookieSerializer::new));
        @SuppressWarnings("unchecked")
        SessionRepository<? extends Session> repository = (SessionRepository<? extends Session>) sessions.getObject();
        FilterRegistrationBean<SessionSnapshotFilter> registration = new FilterRegistrationBean<>(
                new SessionSnapshotFilter(repository, ids, Clock.systemUTC()));
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 1);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        SessionSnapshotFilter.ROUTES.forEach(route -> registration.addUrlPatterns(route + "*"));
        registration.setName("sessionSnapshots");
        return registration;
    }

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
