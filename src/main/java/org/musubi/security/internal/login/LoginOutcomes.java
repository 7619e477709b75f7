package org.musubi.security.internal.login;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.musubi.audit.Actor;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.registry.User;
import org.musubi.registry.Users;
import org.musubi.security.LoginThrottle;
import org.musubi.security.SecurityProperties;
import org.musubi.security.internal.account.Credential;
import org.musubi.security.internal.account.JdbcCredentials;
import org.musubi.security.internal.lockout.LockNotices;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * What follows the password step: on success the second-factor (or enrolment) page, never a
 * session; on failure a counted, audited refusal that locks the account after too many, and tells this client
 * a login id is locked after its own failures in a row ({@link org.musubi.security.ClientLockouts}).
 */
@Component
public class LoginOutcomes implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    private final Users users;
    private final JdbcCredentials credentials;
    private final Audit audit;
    private final SecurityProperties properties;
    private final LoginThrottle throttle;
    private final LockNotices notices;
    private final Clock clock = Clock.systemUTC();

    LoginOutcomes(Users users, JdbcCredentials credentials, Audit audit, SecurityProperties properties,
                  LoginThrottle throttle, LockNotices notices) {
        this.users = users;
        this.credentials = credentials;
        this.audit = audit;
        this.properties = properties;
        this.throttle = throttle;
        this.notices = notices;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException {
        LoginAccount account = (LoginAccount) authentication.getPrincipal();
        audit.record(AuditEntry.of(AuditAction.LOGIN_PASSWORD, Outcome.PERMIT).on("User", account.userId())
                .by(new Actor(account.userId(), account.loginId(), null, null)));
        boolean enrolled = credentials.find(account.userId()).map(Credential::enrolled).orElse(false);
        response.sendRedirect(request.getContextPath() + (enrolled ? "/login/second-factor" : "/login/enrol"));
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        Optional<User> user = users.findByLoginId(request.getParameter("username"));
        Actor actor = actor(request, user);
        String reason = switch (exception) {
            case LockedException e -> "locked";
            case DisabledException e -> "disabled";
            default -> "bad credentials";
        };
        audit.record(AuditEntry.of(AuditAction.LOGIN_PASSWORD, Outcome.DENY).reason(reason).by(actor));
        throttle(request, actor);
        if (user.isPresent() && reason.equals("bad credentials")) {
            countFailure(user.get().id(), actor);
        }
        Optional<Instant> lockedForThisClient = notices.failed(request);
        response.sendRedirect(request.getContextPath() + lockedForThisClient.map(until -> notices.tell(request, until))
                .orElse(fromPhr(request) ? "/phr/login?error" : "/login?error"));
    }

    /** A password step refused unasked because this client was told the login id is locked: audited once. */
    public void refusedWhileLocked(HttpServletRequest request) {
        Actor actor = actor(request, users.findByLoginId(request.getParameter("username")));
        audit.record(AuditEntry.of(AuditAction.LOGIN_PASSWORD, Outcome.DENY).reason("locked").by(actor));
        throttle(request, actor);
    }

    /** The user proved the password in this session and the account is now locked: the login page, told until when. */
    public String lockedOut(HttpServletRequest request, long userId, String loginId) {
        Instant until = credentials.find(userId).map(Credential::lockedUntil)
                .orElseGet(() -> Instant.now(clock).plus(properties.lockDuration()));
        return "redirect:" + notices.lockedOut(request, loginId, until);
    }

    /** Both factors proven: this client's failures for the login id are forgotten, as the account's are. */
    public void loggedIn(HttpServletRequest request, String loginId) {
        notices.loggedIn(request, loginId);
    }

    /** Whether the password step came from the health notebook's login page (its form says so). */
    private static boolean fromPhr(HttpServletRequest request) {
        return "phr".equals(request.getParameter("from"));
    }

    private static Actor actor(HttpServletRequest request, Optional<User> user) {
        return user.map(u -> new Actor(u.id(), u.loginId(), null, null))
                .orElseGet(() -> Actor.unknownUser(abbreviate(request.getParameter("username"))));
    }

    /** Counts a failure against the client address; audits the moment the address is refused. */
    public void throttle(HttpServletRequest request, Actor actor) {
        if (throttle.recordFailure(request.getRemoteAddr())) {
            audit.record(AuditEntry.of(AuditAction.LOGIN_THROTTLED, Outcome.DENY)
                    .reason(properties.ipMaxFailures() + " failures from this address within " + properties.ipWindow())
                    .by(actor));
        }
    }

    /** Counts a failed password or code; returns true when the account is now locked. */
    public boolean countFailure(long userId, Actor actor) {
        Instant until = Instant.now(clock).plus(properties.lockDuration());
        int failures = credentials.recordFailure(userId, properties.maxFailedAttempts(), until);
        if (failures == properties.maxFailedAttempts()) {
            audit.record(AuditEntry.of(AuditAction.ACCOUNT_LOCKED, Outcome.DENY).on("User", userId)
                    .reason(failures + " failures, locked until " + until).by(actor));
        }
        return failures >= properties.maxFailedAttempts();
    }

    private static String abbreviate(String text) {
        return text == null ? null : text.length() > 64 ? text.substring(0, 64) : text;
    }
}
