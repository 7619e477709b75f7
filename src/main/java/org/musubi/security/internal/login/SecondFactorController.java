package org.musubi.security.internal.login;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.OptionalLong;
import org.musubi.audit.Actor;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.registry.Users;
import org.musubi.security.RecoveryCodes;
import org.musubi.security.Totp;
import org.musubi.security.internal.DemoModeProperties;
import org.musubi.security.internal.account.Credential;
import org.musubi.security.internal.account.JdbcCredentials;
import org.musubi.security.internal.session.SessionUpgrade;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The second step of logging in: a TOTP code or a one-time recovery code. */
@Controller
class SecondFactorController {

    private final JdbcCredentials credentials;
    private final SessionUpgrade upgrade;
    private final LoginOutcomes outcomes;
    private final Audit audit;
    private final Users users;
    private final boolean demoMode;
    private static final DateTimeFormatter JAPAN_TIME = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneId.of("Asia/Tokyo"));
    private final Clock clock = Clock.systemUTC();

    SecondFactorController(JdbcCredentials credentials, SessionUpgrade upgrade, LoginOutcomes outcomes, Audit audit,
                           Users users, DemoModeProperties demo) {
        this.credentials = credentials;
        this.upgrade = upgrade;
        this.outcomes = outcomes;
        this.audit = audit;
        this.users = users;
        this.demoMode = demo.enabled();
    }

    @GetMapping("/login/second-factor")
    String form(@AuthenticationPrincipal LoginAccount account, Model model) {
        Credential credential = credentials.find(account.userId()).orElseThrow();
        if (!credential.enrolled()) {
            return "redirect:/login/enrol";
        }
        if (demoMode && users.find(account.userId()).map(u -> u.demo()).orElse(false)) {
            showDemoCode(credential, model);
        }
        return "login/second-factor";
    }

    /**
     * Demo mode only: the code the server will accept next (never one already used) and, when that is a later
     * step's code, the moment it starts being accepted, in Japan time.
     */
    private void showDemoCode(Credential credential, Model model) {
        Instant now = Instant.now(clock);
        long step = Totp.nextUsableStep(now, credential.totpLastStep());
        Instant validFrom = Totp.acceptedFrom(step);
        model.addAttribute("demoCode", Totp.code(credential.totpSecret(), step));
        model.addAttribute("demoValidFrom", validFrom.toString());
        if (validFrom.isAfter(now)) {
            model.addAttribute("demoWait", new DemoWait(JAPAN_TIME.format(validFrom),
                    Duration.between(now, validFrom).toSeconds() + 1));
        }
    }

    /** When a demo code not yet accepted will be, and in how many seconds at most. */
    record DemoWait(String validFrom, long seconds) {
    }

    @PostMapping("/login/second-factor")
    String verify(@AuthenticationPrincipal LoginAccount account, @RequestParam(required = false) String code,
                  @RequestParam(required = false) String recoveryCode, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        Credential credential = credentials.find(account.userId()).orElseThrow();
        Actor actor = new Actor(account.userId(), account.loginId(), null, null);
        boolean viaRecovery = recoveryCode != null && !recoveryCode.isBlank();
        AuditAction action = viaRecovery ? AuditAction.LOGIN_RECOVERY_CODE : AuditAction.LOGIN_SECOND_FACTOR;
        if (!credential.lockedAt(Instant.now(clock)) && accepted(credential, code, recoveryCode, viaRecovery)) {
            upgrade.complete(account.userId(), credential.passwordChangeRequired(), request, response);
            outcomes.loggedIn(request, account.loginId());
            audit.record(AuditEntry.of(action, Outcome.PERMIT).on("User", account.userId()));
            return "redirect:" + upgrade.landing(account.userId(), credential.passwordChangeRequired(), request);
        }
        audit.record(AuditEntry.of(action, Outcome.DENY).reason("wrong or reused code").by(actor));
        outcomes.throttle(request, actor);
        if (credential.lockedAt(Instant.now(clock)) || outcomes.countFailure(account.userId(), actor)) {
            return outcomes.lockedOut(request, account.userId(), account.loginId());
        }
        model.addAttribute("error", true);
        return form(account, model);
    }

    private boolean accepted(Credential credential, String code, String recoveryCode, boolean viaRecovery) {
        if (viaRecovery) {
            return credentials.useRecoveryCode(credential.userId(), RecoveryCodes.hash(credential.userId(), recoveryCode));
        }
        OptionalLong step = Totp.verify(credential.totpSecret(), code, Instant.now(clock), credential.totpLastStep());
        return step.isPresent() && credentials.useStep(credential.userId(), step.getAsLong());
    }
}
