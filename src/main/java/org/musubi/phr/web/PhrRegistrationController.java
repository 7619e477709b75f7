package org.musubi.phr.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.musubi.phr.ProveResident;
import org.musubi.phr.RegisterResident;
import org.musubi.registry.FieldFault;
import org.musubi.registry.InvalidRegistration;
import org.musubi.security.LoginThrottle;
import org.musubi.security.SecurityProperties;
import org.musubi.security.Totp;
import org.musubi.web.QrSvg;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A resident registers for the health notebook in two steps, before any login: the card (its number and the check
 * code printed on it, or its QR code), birth date and the registration code; then a login id, a password and an authenticator app proven with one code. Failed first steps
 * count against the client address like failed logins, and every answer to a failed first step is the same.
 */
@Controller
class PhrRegistrationController {

    static final String PROVEN = "PHR_REGISTRATION_PROVEN";
    static final String SECRET = "PHR_REGISTRATION_TOTP_SECRET";
    private final ProveResident prove;
    private final RegisterResident register;
    private final LoginThrottle throttle;
    private final SecurityProperties security;
    private final SecureRandom random = new SecureRandom();

    PhrRegistrationController(ProveResident prove, RegisterResident register, LoginThrottle throttle,
                              SecurityProperties security) {
        this.prove = prove;
        this.register = register;
        this.throttle = throttle;
        this.security = security;
    }

    @GetMapping("/phr/register")
    String form(@RequestParam(required = false) String code, Model model) {
        model.addAttribute("code", code == null ? "" : code);
        return "phr/register";
    }

    @PostMapping("/phr/register")
    String prove(@RequestParam(required = false) String card, @RequestParam(required = false) String checkCode,
                 @RequestParam(required = false) String birthDate, @RequestParam(required = false) String code,
                 HttpServletRequest request, HttpSession session, Model model) {
        model.addAttribute("card", card);
        model.addAttribute("birthDate", birthDate);
        model.addAttribute("code", code);
        if (throttle.refused(request.getRemoteAddr())) {
            model.addAttribute("error", "phr.register.throttled");
            return "phr/register";
        }
        ProveResident.Outcome outcome = prove.attempt(card, checkCode, date(birthDate), code);
        Optional<ProveResident.Proven> proven = outcome.proven();
        if (proven.isEmpty()) {
            throttle.recordFailure(request.getRemoteAddr());
            model.addAttribute("error", outcome.refusal() == ProveResident.Refusal.THROTTLED
                    ? "phr.register.throttled" : "phr.register.notProven");
            return "phr/register";
        }
        request.changeSessionId();
        session.setAttribute(PROVEN, proven.get());
        session.setAttribute(SECRET, Totp.newSecret(random));
        return "redirect:/phr/register/account";
    }

    @GetMapping("/phr/register/account")
    String account(HttpSession session, Model model) {
        ProveResident.Proven proven = (ProveResident.Proven) session.getAttribute(PROVEN);
        if (proven == null) {
            return "redirect:/phr/register";
        }
        String secret = (String) session.getAttribute(SECRET);
        String uri = Totp.uri(security.issuer(), proven.nameKana(), secret);
        model.addAttribute("name", proven.nameKanji());
        model.addAttribute("qr", QrSvg.of(uri));
        model.addAttribute("secret", secret.replaceAll("(.{4})", "$1 ").strip());
        model.addAttribute("otpauth", uri);
        return "phr/register-account";
    }

    @PostMapping("/phr/register/account")
    String create(@RequestParam(required = false) String loginId, @RequestParam(required = false) String password,
                  @RequestParam(required = false) String passwordAgain, @RequestParam(required = false) String totpCode,
                  HttpSession session, Model model) {
        ProveResident.Proven proven = (ProveResident.Proven) session.getAttribute(PROVEN);
        if (proven == null) {
            return "redirect:/phr/register";
        }
        RegisterResident.Registration registration;
        try {
            registration = register.register(proven, new RegisterResident.Choice(loginId, password, passwordAgain,
                    (String) session.getAttribute(SECRET), totpCode));
        } catch (InvalidRegistration invalid) {
            if (invalid.faults().stream().map(FieldFault::field).anyMatch("code"::equals)) {
                session.removeAttribute(PROVEN);
                model.addAttribute("error", "phr.register.codeGone");
                return "phr/register";
            }
            model.addAttribute("faults", invalid.faults());
            model.addAttribute("loginId", loginId);
            return account(session, model);
        }
        session.removeAttribute(PROVEN);
        session.removeAttribute(SECRET);
        // a person who has an account: the re-registration waits for a counter or the office, the old login works on
        if (registration instanceof RegisterResident.Held held) {
            model.addAttribute("name", proven.nameKanji());
            model.addAttribute("requestedAt", held.requestedAt());
            return "phr/register-held";
        }
        return "redirect:/phr/login?registered";
    }

    private static LocalDate date(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
