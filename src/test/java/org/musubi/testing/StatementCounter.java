package org.musubi.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;

/**
 * Counts the statements the server sends to PostgreSQL while it serves requests: each statement prepared or created
 * on a request thread (requests run on virtual threads; the audit appender, the pool's housekeeping and scheduled
 * jobs on platform threads are left out). A statement holding several queries counts once: it is one round trip.
 * Part of the one integration-test context ({@link MusubiIntegrationTest}); a test reads the count around a request
 * ({@code RequestRoundTripsIT}). Deliberately not annotated as a configuration: the benchmarks run the application with
 * the test classes on the class path, and component scanning would otherwise wrap their pool too.
 *
 * <p>It runs under every statement of every integration test, so it must cost next to nothing: only connections taken
 * on a virtual thread are wrapped (the test's own queries and the audit appender go straight to the pool), the latest
 * statements are kept in a fixed ring (a {@code ConcurrentLinkedDeque}'s {@code size()} walks the whole deque, and was
 * 5 % of the test JVM's CPU in the attacker suite) and their text is tidied only when a test asks for it.
 */
public class StatementCounter {

    private static final Set<String> STATEMENTS = Set.of("prepareStatement", "createStatement", "prepareCall");
    private static final AtomicLong COUNT = new AtomicLong();
    private static final int KEPT = 200;
    /** The text of the latest statements counted, as sent (for a failing test to name them): a ring of {@link #KEPT}. */
    private static final String[] RECENT = new String[KEPT];
    /** How many statements were ever put into {@link #RECENT} (the next slot is this modulo {@link #KEPT}). */
    private static long recorded;

    /** Statements sent on request threads since the JVM started. */
    public static long count() {
        return COUNT.get();
    }

    /** The text of the last {@code n} statements counted (at most the latest 200), oldest first. */
    public static List<String> last(long n) {
        List<String> texts = new ArrayList<>();
        synchronized (RECENT) {
            for (long i = Math.max(Math.max(0, recorded - KEPT), recorded - n); i < recorded; i++) {
                texts.add(RECENT[(int) (i % KEPT)]);
            }
        }
        return texts.stream().map(sql -> sql.replaceAll("\\s+", " ")).toList();
    }

    private static void remember(String sql) {
        synchronized (RECENT) {
            RECENT[(int) (recorded++ % KEPT)] = sql;
        }
    }

    @Bean
    static BeanPostProcessor countingDataSources() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof DataSource dataSource && !(Proxy.isProxyClass(bean.getClass()))
                        ? counting(dataSource) : bean;
            }
        };
    }

    private static DataSource counting(DataSource target) {
        return (DataSource) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, delegating(target, (method, args, result) ->
                        result instanceof Connection c && Thread.currentThread().isVirtual() ? countingConnection(c)
                                : result));
    }

    private static Connection countingConnection(Connection target) {
        return (Connection) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(),
                new Class<?>[] {Connection.class}, delegating(target, (method, args, result) -> {
                    if (STATEMENTS.contains(method.getName()) && Thread.currentThread().isVirtual()) {
                        COUNT.incrementAndGet();
                        remember(method.getName().equals("createStatement") || method.getParameterCount() == 0
                                ? "(statement)" : String.valueOf(args[0]));
                    }
                    return result;
                }));
    }

    private interface After {
        Object apply(Method method, Object[] args, Object result);
    }

    private static InvocationHandler delegating(Object target, After after) {
        return (proxy, method, args) -> {
            if (method.getName().equals("unwrap") && args != null && args[0] instanceof Class<?> type
                    && type.isInstance(target)) {
                return target;
            }
            if (method.getName().equals("isWrapperFor") && args != null && args[0] instanceof Class<?> type
                    && type.isInstance(target)) {
                return true;
            }
            try {
                return after.apply(method, args, method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
    }
}
