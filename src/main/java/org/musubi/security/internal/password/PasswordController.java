package org.musubi.security.internal.password;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.security.PasswordPolicy;
import org.musubi.security.SignedIn;
import org.musubi.security.internal.account.Credential;
import org.musubi.security.internal.account.JdbcCredentials;
import org.musubi.security.internal.session.SessionUpgrade;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A signed-in user changes their own password (required after an admin-issued one); a resident does the same from
 * their notebook ({@code /phr/password}, which only residents reach).
 */
@Controller
class PasswordController {

    private final JdbcCredentials credentials;
    private final PasswordEncoder encoder;
    private final SessionUpgrade upgrade;
    private final Audit audit;

    PasswordController(JdbcCredentials credentials, PasswordEncoder encoder, SessionUpgrade upgrade, Audit audit) {
        this.credentials = credentials;
        this.encoder = encoder;
        this.upgrade = upgrade;
        this.audit = audit;
    }

    @GetMapping("/account/password")
    String form() {
        return "login/password";
    }

    @GetMapping("/phr/password")
    String residentForm(@AuthenticationPrincipal SignedIn user, Model model) {
        model.addAttribute("resident", user);
        return "phr/password";
    }

    @PostMapping("/phr/password")
    String residentChange(@AuthenticationPrincipal SignedIn user, @RequestParam String current,
                          @RequestParam String password, @RequestParam String confirm, HttpServletRequest request,
                          HttpServletResponse response, Model model) {
        model.addAttribute("resident", user);
        String page = change(user, current, password, confirm, request, response, model);
        return page.startsWith("redirect:") ? "redirect:/phr?passwordChanged" : "phr/password";
    }

    @PostMapping("/account/password")
    String change(@AuthenticationPrincipal SignedIn user, @RequestParam String current, @RequestParam String password,
                  @RequestParam String confirm, HttpServletRequest request, HttpServletResponse response, Model model) {
        Credential credential = credentials.find(user.userId()).orElseThrow();
        Optional<String> fault = !encoder.matches(current, credential.passwordHash()) ? Optional.of("password.currentWrong")
                : !password.equals(confirm) ? Optional.of("password.mismatch")
                : encoder.matches(password, credential.passwordHash()) ? Optional.of("password.unchanged")
                : PasswordPolicy.fault(password, user.loginId());
        if (fault.isPresent()) {
            audit.record(AuditEntry.of(AuditAction.PASSWORD_CHANGE, Outcome.DENY).on("User", user.userId()).reason(fault.get()));
            model.addAttribute("error", fault.get());
            return "login/password";
        }
        credentials.setPassword(user.userId(), encoder.encode(password), false);
        upgrade.complete(user.userId(), false, request, response);
        audit.record(AuditEntry.of(AuditAction.PASSWORD_CHANGE, Outcome.PERMIT).on("User", user.userId()));
        return "redirect:/?passwordChanged";
    }
}
