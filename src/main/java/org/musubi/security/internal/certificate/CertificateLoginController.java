package org.musubi.security.internal.certificate;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.musubi.audit.Actor;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.security.SignedIn;
import org.musubi.security.internal.account.Credential;
import org.musubi.security.internal.account.JdbcCredentials;
import org.musubi.security.internal.login.LoginAccount;
import org.musubi.security.internal.login.LoginOutcomes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * "証明書でログイン / Sign in with a certificate": the certificate as the first factor. Accepted, the session holds the
 * account at the same point as after its password (a new session id), and the second factor follows (or the
 * enrolment of an authenticator); refused for any reason, the login page says the same thing, while the audit trail
 * (one {@code LOGIN_CERTIFICATE} row) says why, and the refusal counts against the client address like a wrong
 * password. A forged certificate header is also logged as a warning.
 */
@Controller
class CertificateLoginController {

    static final String REFUSED = "redirect:/login?certificateRefused";
    private static final Logger LOG = LoggerFactory.getLogger(CertificateLoginController.class);
    private final CertificateLogins logins;
    private final ClientCertificateStore store;
    private final LoginOutcomes outcomes;
    private final Audit audit;
    private final JdbcCredentials credentials;
    private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

    CertificateLoginController(CertificateLogins logins, ClientCertificateStore store, LoginOutcomes outcomes,
                               Audit audit, JdbcCredentials credentials) {
        this.logins = logins;
        this.store = store;
        this.outcomes = outcomes;
        this.audit = audit;
        this.credentials = credentials;
    }

    @PostMapping("/login/certificate")
    String signIn(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
        return switch (logins.decide(request)) {
            case CertificateLogins.Refused refused -> refuse(refused, request);
            case CertificateLogins.Locked locked -> {
                Actor actor = new Actor(locked.userId(), locked.loginId(), null, null);
                audit.record(AuditEntry.of(AuditAction.LOGIN_CERTIFICATE, Outcome.DENY).on("User", locked.userId())
                        .reason("locked, " + locked.tag()).by(actor));
                outcomes.throttle(request, actor);
                yield outcomes.lockedOut(request, locked.userId(), locked.loginId());
            }
            case CertificateLogins.Accepted accepted when authentication != null
                    && authentication.getPrincipal() instanceof SignedIn -> "redirect:/";
            case CertificateLogins.Accepted accepted -> accept(accepted, request, response);
        };
    }

    private String refuse(CertificateLogins.Refused refused, HttpServletRequest request) {
        if (refused.forged()) {
            LOG.warn("Forged client certificate header from {}: {}", request.getRemoteAddr(), refused.reason());
        }
        AuditEntry entry = AuditEntry.of(AuditAction.LOGIN_CERTIFICATE, Outcome.DENY).reason(refused.reason())
                .by(refused.actor());
        audit.record(refused.actor().userId() == null ? entry : entry.on("User", refused.actor().userId()));
        outcomes.throttle(request, refused.actor());
        return REFUSED;
    }

    private String accept(CertificateLogins.Accepted accepted, HttpServletRequest request, HttpServletResponse response) {
        store.used(accepted.certificateId());
        LoginAccount account = new LoginAccount(accepted.userId(), accepted.loginId(), null, true, false);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(account, null,
                account.getAuthorities()));
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        SecurityContextHolder.setContext(context);
        repository.saveContext(context, request, response);
        audit.record(AuditEntry.of(AuditAction.LOGIN_CERTIFICATE, Outcome.PERMIT).on("User", accepted.userId())
                .reason(accepted.tag()).by(new Actor(accepted.userId(), accepted.loginId(), null, null)));
        boolean enrolled = credentials.find(accepted.userId()).map(Credential::enrolled).orElse(false);
        return enrolled ? "redirect:/login/second-factor" : "redirect:/login/enrol";
    }
}
