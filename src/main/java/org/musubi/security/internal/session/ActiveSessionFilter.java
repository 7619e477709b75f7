package org.musubi.security.internal.session;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.registry.User;
import org.musubi.registry.Users;
import org.musubi.security.SignedIn;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends the session of a user who was disabled after signing in, on their very next request: a
 * disabled administrator keeps no administration rights for the rest of the session. (The access
 * policy denies a disabled user's patient reads too; this stops everything else.) The same for a session signed in
 * before the account's sessions were ended ({@link org.musubi.registry.Users#endSessions}: a resident's account whose
 * password and authenticator a confirmed recovery replaced): whoever held the old ones is signed out.
 */
public class ActiveSessionFilter extends OncePerRequestFilter {

    private final Users users;
    private final Audit audit;

    public ActiveSessionFilter(Users users, Audit audit) {
        this.users = users;
        this.audit = audit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedIn signedIn) {
            Optional<User> user = users.find(signedIn.userId());
            if (!user.map(User::active).orElse(false)) {
                end(request, response, authentication, "session ended: account disabled", "/login?disabled");
                return;
            }
            if (!current(request.getSession(false), user.get())) {
                end(request, response, authentication, "session ended: the account's password and authenticator "
                        + "were replaced", user.get().resident() ? "/phr/login?ended" : "/login?ended");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** Whether the session signed in under the account's current epoch (a session without one signed in otherwise). */
    private static boolean current(HttpSession session, User user) {
        Object epoch = session == null ? null : session.getAttribute(SessionUpgrade.SESSION_EPOCH);
        return !(epoch instanceof Integer signedInUnder) || signedInUnder == user.sessionEpoch();
    }

    private void end(HttpServletRequest request, HttpServletResponse response, Authentication authentication,
                     String reason, String to) throws IOException {
        audit.record(AuditEntry.of(AuditAction.LOGOUT, Outcome.PERMIT).by(CurrentActor.of(authentication)).reason(reason));
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        response.sendRedirect(request.getContextPath() + to);
    }
}
