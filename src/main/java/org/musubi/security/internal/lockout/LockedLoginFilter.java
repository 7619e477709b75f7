package org.musubi.security.internal.lockout;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import org.musubi.security.internal.login.LoginOutcomes;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The password step of a client told that the login id is locked: refused until then without checking the password
 * (so a lock never tells whether a password was right), audited once, and told the time again.
 */
public class LockedLoginFilter extends OncePerRequestFilter {

    private final LoginOutcomes outcomes;
    private final LockNotices notices;

    public LockedLoginFilter(LoginOutcomes outcomes, LockNotices notices) {
        this.outcomes = outcomes;
        this.notices = notices;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !"/login".equals(request.getRequestURI().substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Instant> until = notices.refused(request);
        if (until.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        outcomes.refusedWhileLocked(request);
        response.sendRedirect(request.getContextPath() + notices.tell(request, until.get()));
    }
}
