package org.musubi.security.internal.lockout;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.musubi.security.LoginThrottle;
import org.springframework.web.filter.OncePerRequestFilter;

/** Refuses login attempts (both steps, a certificate login and enrolment) from an address that failed too often: 429. */
public class LoginThrottleFilter extends OncePerRequestFilter {

    private static final Set<String> LOGIN_POSTS = Set.of("/login", "/login/second-factor", "/login/enrol",
            "/login/certificate");
    private final LoginThrottle throttle;

    public LoginThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !LOGIN_POSTS.contains(request.getRequestURI().substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String address = request.getRemoteAddr();
        if (!throttle.refused(address)) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(429);
        response.setHeader("Retry-After", String.valueOf(throttle.retryAfterSeconds(address)));
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write("""
                <!DOCTYPE html><html lang="ja"><head><meta charset="UTF-8"><title>429</title></head><body>
                <p>ログインの失敗が続いたため、この接続元からのログインを一時的に停止しています。しばらくしてから再度お試しください。</p>
                <p>Too many failed logins from this address. Please try again later.</p></body></html>""");
    }
}
