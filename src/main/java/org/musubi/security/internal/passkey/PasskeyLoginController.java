package org.musubi.security.internal.passkey;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.musubi.audit.Actor;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.security.internal.account.Credential;
import org.musubi.security.internal.account.JdbcCredentials;
import org.musubi.security.internal.login.LoginAccount;
import org.musubi.security.internal.login.LoginOutcomes;
import org.musubi.security.internal.session.SessionUpgrade;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The second login step answered with a passkey instead of a TOTP code: request options for the user who proved the
 * password (their passkeys only), then the browser's assertion. A failure counts like a wrong code (lock-out, address
 * throttle) and is audited; success completes the session as a code would.
 */
@RestController
class PasskeyLoginController {

    private final PasskeyCeremonies ceremonies;
    private final SessionUpgrade upgrade;
    private final LoginOutcomes outcomes;
    private final Audit audit;
    private final JdbcCredentials credentials;

    PasskeyLoginController(PasskeyCeremonies ceremonies, SessionUpgrade upgrade, LoginOutcomes outcomes, Audit audit,
                           JdbcCredentials credentials) {
        this.ceremonies = ceremonies;
        this.upgrade = upgrade;
        this.outcomes = outcomes;
        this.audit = audit;
        this.credentials = credentials;
    }

    @GetMapping(value = "/login/passkey/options", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> options(@AuthenticationPrincipal LoginAccount account, HttpServletRequest request) {
        List<PasskeyStore.Stored> passkeys = ceremonies.store().ofUser(account.userId());
        if (passkeys.isEmpty()) {
            return ResponseEntity.ok("{\"allowCredentials\":[]}");
        }
        return ResponseEntity.ok(ceremonies.requestOptions(request.getSession(), RelyingParty.of(request), passkeys));
    }

    @PostMapping(value = "/login/passkey", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, String>> use(@AuthenticationPrincipal LoginAccount account, @RequestBody String assertion,
                                            HttpServletRequest request, HttpServletResponse response) {
        Credential credential = credentials.find(account.userId()).orElseThrow();
        Actor actor = new Actor(account.userId(), account.loginId(), null, null);
        String refusal;
        if (credential.lockedAt(Instant.now())) {
            refusal = "locked";
        } else {
            try {
                PasskeyCeremonies.Used used = ceremonies.verifyUse(request.getSession(), RelyingParty.of(request),
                        assertion, id -> ceremonies.store().ofUser(account.userId()).stream()
                                .filter(p -> Arrays.equals(p.credentialId(), id)).findFirst());
                ceremonies.store().used(used.passkey().id(), used.signCount());
                credentials.resetFailures(account.userId());
                upgrade.complete(account.userId(), credential.passwordChangeRequired(), request, response);
                outcomes.loggedIn(request, account.loginId());
                audit.record(AuditEntry.of(AuditAction.LOGIN_SECOND_FACTOR, Outcome.PERMIT).on("User", account.userId())
                        .reason("passkey " + used.passkey().id()));
                return ResponseEntity.ok(Map.of("redirect", request.getContextPath()
                        + upgrade.landing(account.userId(), credential.passwordChangeRequired(), request)));
            } catch (PasskeyCeremonies.Refused refused) {
                refusal = refused.getMessage();
            }
        }
        audit.record(AuditEntry.of(AuditAction.LOGIN_SECOND_FACTOR, Outcome.DENY).reason(refusal).by(actor));
        outcomes.throttle(request, actor);
        if (refusal.equals("locked") || outcomes.countFailure(account.userId(), actor)) {
            String locked = outcomes.lockedOut(request, account.userId(), account.loginId());
            return ResponseEntity.ok(Map.of("redirect", request.getContextPath() + locked.substring("redirect:".length())));
        }
        return ResponseEntity.badRequest().body(Map.of("error", "passkey.refused"));
    }
}
