package org.musubi.web.standby;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.musubi.database.DatabaseAway;
import org.musubi.web.servlet.EarlyAnswer;
import org.springframework.context.MessageSource;

/**
 * The answer to a refused write on a standby, and to a request the database could not serve because it cannot be
 * reached: 503 with {@code Retry-After}, in Japanese and English ({@link EarlyAnswer}).
 */
final class StandbyAnswers {

    /** On every refusal, so that a client (and a test) tells it from any other 503. */
    static final String HEADER = "X-Musubi-Read-Only";
    private static final EarlyAnswer ANSWER = new EarlyAnswer(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "transient",
            "standby-refused", "standby", "notice");
    private static final EarlyAnswer AWAY = new EarlyAnswer(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "transient",
            "database-away", "database.away", "notice");
    private final MessageSource messages;

    StandbyAnswers(MessageSource messages) {
        this.messages = messages;
    }

    void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setHeader("Retry-After", "300");
        response.setHeader(HEADER, "standby");
        ANSWER.write(request, response, messages, messages.getMessage("standby.refused", null, Locale.JAPANESE),
                messages.getMessage("standby.refused", null, Locale.ENGLISH));
    }

    /** The database cannot be reached for now ({@link DatabaseAway}): 503, sooner to try again than on a standby. */
    void away(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setHeader("Retry-After", String.valueOf(DatabaseAway.RETRY_AFTER_SECONDS));
        AWAY.write(request, response, messages, messages.getMessage("database.away.text", null, Locale.JAPANESE),
                messages.getMessage("database.away.text", null, Locale.ENGLISH));
    }
}
