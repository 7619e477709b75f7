package org.musubi.security.internal.oidc;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.musubi.security.LoginThrottle;
import org.musubi.security.SignedIn;
import org.musubi.security.internal.login.LoginAccount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where a login with a provider starts and where the provider sends the browser back. The start is a plain link
 * (the pages' Content-Security-Policy lets forms post only to Musubi, and a form's redirect to the provider would be
 * blocked): anonymous, it is a login by the card alone (providers in {@code standalone} mode); after the password
 * step, it is the second step for that account. The session cookie is SameSite=Strict, so the provider's redirect
 * arrives without it: the callback only answers a page that continues, now from Musubi's own site, to
 * {@code /phr/oidc/return}, where the session holds the round trip.
 */
@Controller
class OidcLoginController {

    private static final Logger LOG = LoggerFactory.getLogger(OidcLoginController.class);
    private final OpenIdProviders providers;
    private final RoundTrip roundTrip;
    private final LoginThrottle throttle;

    OidcLoginController(OpenIdProviders providers, RoundTrip roundTrip, LoginThrottle throttle) {
        this.providers = providers;
        this.roundTrip = roundTrip;
        this.throttle = throttle;
    }

    @GetMapping("/phr/login/mynumber")
    String start(@RequestParam(required = false) String provider, Authentication authentication,
                 HttpServletRequest request, HttpServletResponse response, Model model) {
        Object principal = authentication == null ? null : authentication.getPrincipal();
        if (principal instanceof SignedIn) {
            return "redirect:/";
        }
        if (throttle.refused(request.getRemoteAddr())) {
            return OidcPages.result(model, response, 429, "oidc.throttled");
        }
        Long userId = principal instanceof LoginAccount account ? account.userId() : null;
        RoundTrip.Purpose purpose = userId == null ? RoundTrip.Purpose.LOGIN : RoundTrip.Purpose.SECOND_STEP;
        Optional<OidcProperties.Provider> chosen = providers.find(provider == null ? "" : provider)
                .filter(p -> purpose == RoundTrip.Purpose.SECOND_STEP || p.standalone());
        if (chosen.isEmpty()) {
            return OidcPages.result(model, response, 404, "oidc.unknownProvider");
        }
        try {
            return "redirect:" + roundTrip.start(request, chosen.get(), purpose, userId);
        } catch (Refused unavailable) {
            LOG.warn("OpenID provider {} unavailable: {}", chosen.get().id(), unavailable.reason());
            return OidcPages.result(model, response, 503, "oidc.unavailable");
        }
    }

    @GetMapping(OidcProperties.CALLBACK_PATH)
    String callback(@RequestParam(required = false) String code, @RequestParam(required = false) String state,
                    @RequestParam(required = false) String error, HttpServletRequest request, Model model,
                    HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        String next = UriComponentsBuilder.fromPath(request.getContextPath() + "/phr/oidc/return")
                .queryParamIfPresent("code", Optional.ofNullable(code)).queryParamIfPresent("state", Optional.ofNullable(state))
                .queryParamIfPresent("error", Optional.ofNullable(error)).encode().build().toUriString();
        return OidcPages.onwards(model, next);
    }
}
