package org.musubi.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
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
 */
public class StatementCounter {

    private static final Set<String> STATEMENTS = Set.of("prepareStatement", "createStatement", "prepareCall");
    private static final AtomicLong COUNT = new AtomicLong();
    /** The text of the latest statements counted, oldest first (for a failing test to name them). */
    private static final Deque<String> RECENT = new ConcurrentLinkedDeque<>();
    private static final int KEPT = 200;

    /** Statements sent on request threads since the JVM started. */
    public static long count() {
        return COUNT.get();
    }

    /** The text of the last {@code n} statements counted (at most the latest 200), oldest first. */
    public static List<String> last(long n) {
        List<String> all = new ArrayList<>(RECENT);
        return all.subList((int) Math.max(0, all.size() - n), all.size());
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
                        result instanceof Connection c ? countingConnection(c) : result));
    }

    private static Connection countingConnection(Connection target) {
        return (Connection) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(),
                new Class<?>[] {Connection.class}, delegating(target, (method, args, result) -> {
                    if (STATEMENTS.contains(method.getName()) && Thread.currentThread().isVirtual()) {
                        COUNT.incrementAndGet();
                        RECENT.addLast(method.getName().equals("createStatement") || method.getParameterCount() == 0
                                ? "(statement)" : String.valueOf(args[0]).replaceAll("\\s+", " "));
                        while (RECENT.size() > KEPT) {
                            RECENT.pollFirst();
                        }
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
