package org.musubi.web.standby;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.ServletException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.musubi.database.DatabaseAway;
import org.musubi.database.ReadOnlyStandbyException;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * A database that cannot be reached (the failover drill's minute without a primary) is answered 503 with Retry-After
 * and what happened, as the caller reads it; a read-only standby keeps its own answer, and any other failure goes on to
 * the usual error handling. (The servlet request and response are Spring's test doubles of the container's: the filter
 * reads nothing else.)
 */
class DatabaseAwayFilterTest {

    private final DatabaseAwayFilter filter = new DatabaseAwayFilter(new StandbyAnswers(messages()));

    @Test
    void aPageWhoseConnectionCouldNotBeHadSaysTheDatabaseIsAwayAndWhenToTryAgain() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/import/jahis");
        request.setServletPath("/import/jahis");
        request.addHeader("Accept", "text/html");
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request, response, (req, res) -> {
            throw new ServletException(new CannotCreateTransactionException("no connection",
                    new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                            new SQLTransientConnectionException("musubi - Connection is not available, request timed out"
                                    + " after 30000ms"))));
        });

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo(String.valueOf(DatabaseAway.RETRY_AFTER_SECONDS));
        assertThat(response.getHeader("X-Musubi-Read-Only")).isNull();
        assertThat(response.getContentAsString()).contains("<main id=\"database-away\">")
                .contains("<h1>データベースに接続できません / The database cannot be reached</h1>")
                .contains("この操作は行われていません").contains("so this was not done");
    }

    @Test
    void theFhirApiGetsATransientOperationOutcome() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/fhir");
        request.setServletPath("/fhir");
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request, response, (req, res) -> {
            throw new UncategorizedSQLException("token", "SELECT …",
                    new SQLException("Connection to localhost:5432 refused", "08001"));
        });

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentType()).startsWith("application/fhir+json");
        assertThat(response.getContentAsString()).startsWith("{\"resourceType\":\"OperationOutcome\"")
                .contains("\"code\":\"transient\"").contains("この操作は行われていません。 / The database cannot be reached for now");
    }

    @Test
    void postgresShuttingDownIsTheDatabaseAwayToo() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/portal/patients");
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request, response, (req, res) -> {
            throw new UncategorizedSQLException("read", "SELECT …",
                    new SQLException("terminating connection due to administrator command", "57P01"));
        });

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentAsString()).isEqualTo("""
                データベースに一時的に接続できないため、この操作は行われていません。
                The database cannot be reached for now, so this was not done.
                """);
    }

    /**
     * Seen in the failover drill: the primary went away inside a FHIR transaction, and the rollback then failed on the
     * connection the pool had closed — Spring throws the rollback's failure and keeps the first one aside.
     */
    @Test
    void aRollbackThatFailedBecauseTheDatabaseWentAwayIsTheDatabaseAway() {
        TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        rollback.initApplicationException(new UncategorizedSQLException("insert", "INSERT …",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")));
        assertThat(DatabaseAway.causedBy(new RuntimeException("HAPI-0389: Failed to call access method", rollback)))
                .isTrue();
        TransactionSystemException afterABug = new TransactionSystemException("JDBC rollback failed",
                new SQLException("deadlock detected", "40P01"));
        afterABug.initApplicationException(new IllegalStateException("a bug"));
        assertThat(DatabaseAway.causedBy(afterABug)).isFalse();
        assertThat(DatabaseAway.causedBy(new SQLException("Connection is closed"))).as("the pool's closed connection")
                .isTrue();
    }

    @Test
    void otherFailuresAndTheStandbysRefusalAreNotAnsweredHere() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/portal/patients/1");
        MockHttpServletResponse response = new MockHttpServletResponse();

        assertThatThrownBy(() -> filter.doFilter(request, response, (req, res) -> {
            throw new IllegalStateException("a bug");
        })).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> filter.doFilter(request, response, (req, res) -> {
            throw new UncategorizedSQLException("insert", "INSERT …", new SQLException("duplicate key", "23505"));
        })).isInstanceOf(UncategorizedSQLException.class);
        assertThatThrownBy(() -> filter.doFilter(request, response, (req, res) -> {
            throw new ReadOnlyStandbyException();
        })).isInstanceOf(ReadOnlyStandbyException.class);
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(DatabaseAway.causedBy(new UncategorizedSQLException("insert", "INSERT …",
                new SQLException("cannot execute INSERT in a read-only transaction", "25006")))).isFalse();
    }

    private static StaticMessageSource messages() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("database.away.text", Locale.JAPANESE, "データベースに一時的に接続できないため、この操作は行われていません。");
        messages.addMessage("database.away.text", Locale.ENGLISH, "The database cannot be reached for now, so this was not done.");
        messages.addMessage("database.away.title", Locale.JAPANESE, "データベースに接続できません");
        messages.addMessage("database.away.title", Locale.ENGLISH, "The database cannot be reached");
        messages.addMessage("database.away.back", Locale.JAPANESE, "ホームに戻る");
        messages.addMessage("database.away.back", Locale.ENGLISH, "Back to home");
        return messages;
    }
}
