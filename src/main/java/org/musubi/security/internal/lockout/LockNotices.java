package org.musubi.security.internal.lockout;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.musubi.security.ClientLockouts;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Tells a client on the login page that a login id is locked and until when, in Japan time. Who is told what is
 * {@link ClientLockouts}'s rule: a client after its own failures in a row, whatever the account; a client that
 * proved the password, the account's own lock. The time travels in the session, never in the address.
 */
@Component
public class LockNotices {

    static final String UNTIL = "musubi.login.lockedUntil";
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private final ClientLockouts lockouts;
    private final Clock clock = Clock.systemUTC();

    LockNotices(ClientLockouts lockouts) {
        this.lockouts = lockouts;
    }

    /** Until when the password step refuses this client for the login id it sent, unasked. */
    Optional<Instant> refused(HttpServletRequest request) {
        return lockouts.lockedUntil(request.getRemoteAddr(), request.getParameter("username"));
    }

    /** Counts a failed password step of this client; until when it is now refused, if this failure locked it. */
    public Optional<Instant> failed(HttpServletRequest request) {
        return lockouts.recordFailure(request.getRemoteAddr(), request.getParameter("username"));
    }

    public void loggedIn(HttpServletRequest request, String loginId) {
        lockouts.clear(request.getRemoteAddr(), loginId);
    }

    /** The user proved the password in this session and the account is locked until {@code until}: a fresh session told so. */
    public String lockedOut(HttpServletRequest request, String loginId, Instant until) {
        lockouts.lock(request.getRemoteAddr(), loginId, until);
        request.getSession().invalidate();
        SecurityContextHolder.clearContext();
        return tell(request, until);
    }

    /** Keeps {@code until} in the session for the login page; returns the login page's address. */
    public String tell(HttpServletRequest request, Instant until) {
        request.getSession(true).setAttribute(UNTIL, until);
        return "/login?locked";
    }

    /** The end of the lock told to this session, in Japan time rounded up to the minute; empty once it has passed. */
    public Optional<String> shown(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(UNTIL) instanceof Instant until) || !until.isAfter(clock.instant())) {
            return Optional.empty();
        }
        ZonedDateTime end = until.atZone(JAPAN);
        ZonedDateTime minute = end.truncatedTo(ChronoUnit.MINUTES);
        ZonedDateTime shown = minute.equals(end) ? minute : minute.plusMinutes(1);
        boolean today = shown.toLocalDate().equals(LocalDate.now(clock.withZone(JAPAN)));
        return Optional.of((today ? TIME : DATE_TIME).format(shown));
    }
}
