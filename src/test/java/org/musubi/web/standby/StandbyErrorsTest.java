package org.musubi.web.standby;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.musubi.database.ReadOnlyStandbyException;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * A write attempted on a standby despite the filter (a page that writes as a side effect): PostgreSQL's refusal or
 * Musubi's own becomes the standby's answer, any other failure is left to the usual error handling.
 */
class StandbyErrorsTest {

    private final StandbyErrors errors = new StandbyErrors(new StandbyAnswers(messages()));

    @Test
    void postgresRefusingAWriteInARecoveringDatabaseIsAnsweredAsTheStandby() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/portal/patients/1");
        request.addHeader("Accept", "text/html");
        MockHttpServletResponse response = new MockHttpServletResponse();
        UncategorizedSQLException refused = new UncategorizedSQLException("insert", "INSERT …",
                new SQLException("cannot execute INSERT in a read-only transaction", "25006"));

        assertThat(errors.resolveException(request, response, null, refused)).isNotNull();
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("X-Musubi-Read-Only")).isEqualTo("standby");
        assertThat(response.getContentAsString()).contains("id=\"standby-refused\"").contains("待機系です")
                .contains("read-only standby");
    }

    @Test
    void theFhirApiGetsAnOperationOutcome() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/fhir/Patient/_search");
        request.setServletPath("/fhir");
        request.setPathInfo("/Patient/_search");
        MockHttpServletResponse response = new MockHttpServletResponse();

        assertThat(errors.resolveException(request, response, null, new ReadOnlyStandbyException())).isNotNull();
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentType()).startsWith("application/fhir+json");
        assertThat(response.getContentAsString()).startsWith("{\"resourceType\":\"OperationOutcome\"")
                .contains("\"code\":\"transient\"");
    }

    @Test
    void otherFailuresAreNotTheStandbys() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/portal/patients/1");
        MockHttpServletResponse response = new MockHttpServletResponse();

        assertThat(errors.resolveException(request, response, null,
                new DataAccessResourceFailureException("down", new SQLException("connection refused", "08001")))).isNull();
        assertThat(errors.resolveException(request, response, null, new IllegalStateException("bug"))).isNull();
        assertThat(response.getStatus()).isEqualTo(200);
    }

    private static StaticMessageSource messages() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("standby.refused", Locale.JAPANESE, "読み取り専用の待機系で動いています");
        messages.addMessage("standby.refused", Locale.ENGLISH, "This Musubi runs on a read-only standby");
        messages.addMessage("standby.title", Locale.JAPANESE, "読み取り専用の待機系です");
        messages.addMessage("standby.title", Locale.ENGLISH, "Read-only standby");
        messages.addMessage("standby.back", Locale.JAPANESE, "ホームに戻る");
        messages.addMessage("standby.back", Locale.ENGLISH, "Back to home");
        return messages;
    }
}
