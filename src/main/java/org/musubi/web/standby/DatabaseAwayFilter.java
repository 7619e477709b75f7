package org.musubi.web.standby;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.musubi.database.DatabaseAway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request that failed because the database cannot be reached ({@link DatabaseAway}: a failover under way, PostgreSQL
 * restarting) is answered 503 with {@code Retry-After} and what happened, in place of an internal error, wherever it
 * failed — a token or session read in security's filters, a page, an import, the FHIR API. Nothing can be audited then:
 * the audit trail is in the database that is away. Any other failure goes on to the usual error handling.
 */
final class DatabaseAwayFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseAwayFilter.class);
    private final StandbyAnswers answers;

    DatabaseAwayFilter(StandbyAnswers answers) {
        this.answers = answers;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (response.isCommitted() || !DatabaseAway.causedBy(e)) {
                throw e;
            }
            // the method and the first path segment only: an id further on may name a patient's record
            log.warn("The database could not be reached: {} /{}… answered 503 ({})", request.getMethod(),
                    firstSegment(request), e.getClass().getSimpleName());
            answers.away(request, response);
        }
    }

    private static String firstSegment(HttpServletRequest request) {
        String path = ReadOnlyStandbyFilter.path(request);
        String[] parts = path.split("/", 3);
        return parts.length > 1 ? parts[1] : "";
    }
}
