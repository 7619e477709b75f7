package org.musubi.web.standby;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.musubi.database.Standby;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * On a read-only standby, refuses every request {@link ReadOnlyRoutes} does not serve, before security, controllers
 * or the FHIR server see it: a route added later is refused until someone decides it writes nothing.
 */
final class ReadOnlyStandbyFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ReadOnlyStandbyFilter.class);
    private final Standby standby;
    private final StandbyAnswers answers;

    ReadOnlyStandbyFilter(Standby standby, StandbyAnswers answers) {
        this.standby = standby;
        this.answers = answers;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = path(request);
        if (standby.readOnly() && !ReadOnlyRoutes.served(request.getMethod(), path)) {
            log.info("Read-only standby: refused {} {}", request.getMethod(), path);
            answers.refuse(request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    /** The path as the servlets see it: decoded and normalized ({@code ..} resolved, path parameters removed). */
    static String path(HttpServletRequest request) {
        String info = request.getPathInfo();
        return request.getServletPath() + (info == null ? "" : info);
    }
}
