package org.musubi.web.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves at most {@code limit} requests at once; the others wait their turn in arrival order, and a
 * request that waited {@code maxWait} gets 503 with Retry-After. Requests run on virtual threads,
 * so without this bound any number of them would compete for the database pool, and a request that
 * holds one connection while it asks for another (an audit row written in its own transaction)
 * could wait on a pool that the other requests have emptied. The limit is half the pool, so each
 * request served can hold two connections. Static files are not counted.
 */
final class RequestConcurrencyLimit extends OncePerRequestFilter {

    private final Semaphore permits;
    private final Duration maxWait;

    RequestConcurrencyLimit(int limit, Duration maxWait) {
        this.permits = new Semaphore(limit, true);
        this.maxWait = maxWait;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/webjars/")
                || path.equals("/favicon.ico");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean admitted;
        try {
            admitted = permits.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", "5");
            response.setHeader("Cache-Control", "no-store");
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("""
                    混み合っているため、しばらくしてから再度お試しください。
                    The server is busy. Please try again in a few seconds.
                    """);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            permits.release();
        }
    }
}
