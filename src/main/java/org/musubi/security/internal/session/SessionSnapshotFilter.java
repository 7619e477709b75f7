package org.musubi.security.internal.session;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.web.http.HttpSessionIdResolver;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * For the GETs of the routes that read the session on every one of many small requests and change it almost never —
 * the imaging viewer's DICOMweb proxy, one request per frame ({@link #ROUTES}) — the session is read and not written
 * back. Spring Session writes every session a request used at the end of that request (its last access time: an
 * UPDATE and a commit); here, just behind Spring Session's filter, the stored session is read once as it is (the
 * same read, so a session ended or expired on any node is gone at the next request, as everywhere) and handed to the
 * request as a {@link SessionSnapshot}. The request's security context, the user's epoch and its other attributes are
 * read from it; a request that changes the session (a study opened, the session ended) hands over to the real session,
 * which is written as always. The last access time is still written, by letting the request through unchanged, once
 * it is older than {@link #TOUCH_EVERY}: the idle timeout counts from at most that long before the last request.
 */
final class SessionSnapshotFilter extends OncePerRequestFilter {

    /** The paths (under the context path) whose GETs read the session without writing it. */
    static final List<String> ROUTES = List.of("/imaging/dicomweb/");
    /** How stale the stored last access time may be before a request writes it again. */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final SessionRepository<? extends Session> sessions;
    private final HttpSessionIdResolver ids;
    private final Clock clock;

    SessionSnapshotFilter(SessionRepository<? extends Session> sessions, HttpSessionIdResolver ids, Clock clock) {
        this.sessions = sessions;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                || ROUTES.stream().noneMatch(path::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Session stored = stored(request);
        if (stored == null || stored.getLastAccessedTime().plus(TOUCH_EVERY).isBefore(clock.instant())) {
            chain.doFilter(request, response); // no session (Spring Session decides as always), or one to touch
            return;
        }
        chain.doFilter(new Snapshotted(request, stored), response);
    }

    /** The session the request's cookie names, as stored (its last access time untouched), or null. */
    private Session stored(HttpServletRequest request) {
        for (String id : ids.resolveSessionIds(request)) {
            Session session = sessions.findById(id);
            if (session != null) {
                return session;
            }
        }
        return null;
    }

    /** The request with its session read as stored: Spring Session's own is asked only once the session changes. */
    private static final class Snapshotted extends HttpServletRequestWrapper {

        private final SessionSnapshot snapshot;

        Snapshotted(HttpServletRequest request, Session stored) {
            super(request);
            this.snapshot = new SessionSnapshot(stored, request.getServletContext(), () -> request.getSession(true));
        }

        private HttpServletRequest real() {
            return (HttpServletRequest) getRequest();
        }

        @Override
        public HttpSession getSession(boolean create) {
            return snapshot.takenOver() ? real().getSession(create) : snapshot;
        }

        @Override
        public HttpSession getSession() {
            return getSession(true);
        }

        @Override
        public String getRequestedSessionId() {
            return snapshot.takenOver() ? real().getRequestedSessionId() : snapshot.getId();
        }

        @Override
        public boolean isRequestedSessionIdValid() {
            return snapshot.takenOver() ? real().isRequestedSessionIdValid() : true;
        }

        @Override
        public String changeSessionId() {
            snapshot.takeOver();
            return real().changeSessionId();
        }
    }
}
