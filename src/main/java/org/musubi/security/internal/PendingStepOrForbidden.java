package org.musubi.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.security.internal.login.LoginAccount;
import org.musubi.security.internal.session.SessionUpgrade;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * Signed-in but not allowed. Midway through login, pages lead on to the pending step; otherwise
 * (and always under {@code /admin}) the answer is 403, and the refusal is audited.
 */
class PendingStepOrForbidden implements AccessDeniedHandler {

    private final Audit audit;

    PendingStepOrForbidden(Audit audit) {
        this.audit = audit;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && "GET".equals(request.getMethod()) && !path.startsWith("/admin")) {
            String next = pendingStep(auth);
            if (next != null) {
                response.sendRedirect(request.getContextPath() + next);
                return;
            }
        }
        if (auth != null && auth.isAuthenticated()) {
            audit.record(AuditEntry.of(AuditAction.ACCESS_DENIED, Outcome.DENY)
                    .on("Endpoint", request.getMethod() + " " + abbreviate(path))
                    .reason(denied instanceof CsrfException ? "missing or invalid CSRF token" : "not permitted"));
        }
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write("""
                <!DOCTYPE html><html lang="ja"><head><meta charset="UTF-8"><title>403</title></head><body>
                <p>この操作は許可されていません。 / You are not allowed to do this.</p>
                <p><a href="%s/">ホーム / Home</a></p></body></html>""".formatted(request.getContextPath()));
    }

    private static String pendingStep(Authentication auth) {
        if (auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(LoginAccount.PASSWORD_ONLY))) {
            return "/login/second-factor";
        }
        if (auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(SessionUpgrade.PASSWORD_CHANGE))) {
            return "/account/password";
        }
        return null;
    }

    private static String abbreviate(String path) {
        return path.length() > 200 ? path.substring(0, 200) : path;
    }
}
