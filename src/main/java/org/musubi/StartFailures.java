package org.musubi;

import java.io.PrintStream;
import java.util.Optional;
import org.musubi.database.EmbeddedDatabaseInUse;
import org.musubi.security.SecretBox;
import org.springframework.boot.SpringBootExceptionReporter;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.core.Ordered;

/**
 * A server or command that cannot start because a server already runs — the embedded database is held by another
 * process, or the HTTP port is taken — or because its secret key is not its database's, says so in one line
 * (Japanese, then English) on the error stream, instead of
 * Spring's report and stack trace. Registered in {@code META-INF/spring.factories}; every other failure is left to
 * Spring Boot's own reporters.
 */
public final class StartFailures implements SpringBootExceptionReporter, Ordered {

    private final PrintStream err;

    public StartFailures() {
        this(System.err);
    }

    StartFailures(PrintStream err) {
        this.err = err;
    }

    @Override
    public boolean reportException(Throwable failure) {
        Optional<String> line = line(failure);
        line.ifPresent(err::println);
        return line.isPresent();
    }

    /** True when this failure is one this reporter explains in its one line (so nothing else needs to be said). */
    public static boolean explains(Throwable failure) {
        return line(failure).isPresent();
    }

    /** The one line for a failure that means "a server already runs", if it is one. */
    static Optional<String> line(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof EmbeddedDatabaseInUse inUse) {
                return Optional.of("musubi: " + inUse.getMessage());
            }
            if (cause instanceof SecretBox.KeyMismatch mismatch) {
                return Optional.of("musubi: " + mismatch.getMessage());
            }
            if (cause instanceof PortInUseException port) {
                return Optional.of("musubi: ポート " + port.getPort() + " はすでに使われています（たぶん起動中の結びのサーバ）。"
                        + "そのサーバを停止するか、MUSUBI_PORT=8081 のように別のポートを指定してください / Port "
                        + port.getPort() + " is already in use (probably by a running Musubi server): stop it, or name"
                        + " another port, e.g. MUSUBI_PORT=8081");
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Optional.empty();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
