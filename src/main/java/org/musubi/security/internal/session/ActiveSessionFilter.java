package org.musubi.security.internal.session;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
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
 * policy denies a disabled user's patient reads too; this stops everything else.)
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
        if (authentication != null && authentication.getPrincipal() instanceof SignedIn signedIn
                && !users.find(signedIn.userId()).map(User::active).orElse(false)) {
            audit.record(AuditEntry.of(AuditAction.LOGOUT, Outcome.PERMIT).by(CurrentActor.of(authentication))
                    .reason("session ended: account disabled"));
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
            response.sendRedirect(request.getContextPath() + "/login?disabled");
            return;
        }
        chain.doFilter(request, response);
    }
}
