package org.musubi.security.internal.login;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.musubi.audit.Actor;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.security.RecoveryCodes;
import org.musubi.security.SecurityProperties;
import org.musubi.security.internal.account.Credential;
import org.musubi.security.internal.account.JdbcCredentials;
import org.musubi.security.internal.session.SessionUpgrade;
import org.musubi.web.QrSvg;
import org.musubi.security.Totp;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Second-factor enrolment in the browser: a QR code for the authenticator app, proof of one code,
 * and the administrator's enrolment code, so a password alone never enrols a new authenticator.
 * Recovery codes are shown once, on the page that completes enrolment.
 */
@Controller
class EnrolmentController {

    private static final String PENDING_SECRET = EnrolmentController.class.getName() + ".secret";
    private final JdbcCredentials credentials;
    private final SessionUpgrade upgrade;
    private final LoginOutcomes outcomes;
    private final Audit audit;
    private final SecurityProperties properties;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();

    EnrolmentController(JdbcCredentials credentials, SessionUpgrade upgrade, LoginOutcomes outcomes, Audit audit,
                        SecurityProperties properties) {
        this.credentials = credentials;
        this.upgrade = upgrade;
        this.outcomes = outcomes;
        this.audit = audit;
        this.properties = properties;
    }

    @GetMapping("/login/enrol")
    String form(@AuthenticationPrincipal LoginAccount account, HttpSession session, Model model) {
        if (credentials.find(account.userId()).orElseThrow().enrolled()) {
            return "redirect:/login/second-factor";
        }
        String secret = (String) session.getAttribute(PENDING_SECRET);
        if (secret == null) {
            secret = Totp.newSecret(random);
            session.setAttribute(PENDING_SECRET, secret);
        }
        String uri = Totp.uri(properties.issuer(), account.loginId(), secret);
        model.addAttribute("qr", QrSvg.of(uri));
        model.addAttribute("secret", secret.replaceAll("(.{4})", "$1 ").strip());
        model.addAttribute("otpauth", uri);
        return "login/enrol";
    }

    @PostMapping("/login/enrol")
    String enrol(@AuthenticationPrincipal LoginAccount account, @RequestParam(required = false) String enrolmentCode,
                 @RequestParam(required = false) String code, HttpServletRequest request,
                 HttpServletResponse response, HttpSession session, Model model) {
        Credential credential = credentials.find(account.userId()).orElseThrow();
        String secret = (String) session.getAttribute(PENDING_SECRET);
        Actor actor = new Actor(account.userId(), account.loginId(), null, null);
        String fault = fault(credential, secret, enrolmentCode, code);
        if (fault != null) {
            audit.record(AuditEntry.of(AuditAction.SECOND_FACTOR_ENROL, Outcome.DENY).reason(fault).by(actor));
            outcomes.throttle(request, actor);
            if (outcomes.countFailure(account.userId(), actor)) {
                return outcomes.lockedOut(request, account.userId(), account.loginId());
            }
            model.addAttribute("error", "enrol.error." + fault.replace(' ', '_'));
            return form(account, session, model);
        }
        List<String> codes = RecoveryCodes.generate(random);
        long step = Totp.verify(secret, code, Instant.now(clock), -1).orElseThrow();
        credentials.enrol(account.userId(), secret, step,
                codes.stream().map(c -> RecoveryCodes.hash(account.userId(), c)).toList());
        session.removeAttribute(PENDING_SECRET);
        upgrade.complete(account.userId(), credential.passwordChangeRequired(), request, response);
        audit.record(AuditEntry.of(AuditAction.SECOND_FACTOR_ENROL, Outcome.PERMIT).on("User", account.userId()));
        model.addAttribute("codes", codes);
        model.addAttribute("next", credential.passwordChangeRequired() ? "/account/password" : "/");
        return "login/recovery-codes";
    }

    private String fault(Credential credential, String secret, String enrolmentCode, String code) {
        if (credential.enrolled()) {
            return "already enrolled";
        }
        if (credential.enrolmentCodeHash() == null) {
            return "no enrolment code issued";
        }
        if (credential.enrolmentCodeExpires() != null && credential.enrolmentCodeExpires().isBefore(Instant.now(clock))) {
            return "enrolment code expired";
        }
        if (!credential.enrolmentCodeHash().equals(RecoveryCodes.hash(credential.userId(), enrolmentCode))) {
            return "wrong enrolment code";
        }
        OptionalLong step = secret == null ? OptionalLong.empty() : Totp.verify(secret, code, Instant.now(clock), -1);
        return step.isPresent() ? null : "wrong code";
    }
}
