package org.musubi.security.internal.session;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;

/**
 * Just ahead of Spring Session's filter: marks the bounds of a request for {@link StandbySessions}, which within them
 * does not read back from the database a session it has just written there.
 */
final class SessionRequestScope implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean begun = StandbySessions.requestBegun();
        try {
            chain.doFilter(request, response);
        } finally {
            if (begun) {
                StandbySessions.requestEnded();
            }
        }
    }
}
