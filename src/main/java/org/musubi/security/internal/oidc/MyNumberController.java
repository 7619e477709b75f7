package org.musubi.security.internal.oidc;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.musubi.security.Reauthentication;
import org.musubi.security.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A signed-in resident's My Number card login ({@code /phr/mynumber}): whether their account is linked, linking it
 * (their password again, then the round trip to the provider) and removing the link. The password is asked because a
 * link is a way into the account: a session left open must not be enough to add one.
 */
@Controller
class MyNumberController {

    private final OpenIdProviders providers;
    private final OidcLinks links;
    private final RoundTrip roundTrip;
    private final LinkMyNumber linking;
    private final Reauthentication reauthentication;

    MyNumberController(OpenIdProviders providers, OidcLinks links, RoundTrip roundTrip, LinkMyNumber linking,
                       Reauthentication reauthentication) {
        this.providers = providers;
        this.links = links;
        this.roundTrip = roundTrip;
        this.linking = linking;
        this.reauthentication = reauthentication;
    }

    @GetMapping("/phr/mynumber")
    String page(@AuthenticationPrincipal SignedIn me, Model model, HttpServletResponse response) {
        if (providers.all().isEmpty()) {
            return OidcPages.result(model, response, 404, "oidc.unknownProvider");
        }
        Map<String, OidcLinks.Link> linked = links.ofUser(me.userId()).stream()
                .collect(Collectors.toMap(OidcLinks.Link::provider, Function.identity()));
        model.addAttribute("resident", me);
        model.addAttribute("providers", providers.all());
        model.addAttribute("linked", linked);
        return "phr/mynumber";
    }

    @PostMapping("/phr/mynumber/link")
    String link(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) String provider,
                @RequestParam(required = false) String password, HttpServletRequest request,
                HttpServletResponse response, Model model) {
        Optional<OidcProperties.Provider> chosen = providers.find(provider == null ? "" : provider);
        if (chosen.isEmpty()) {
            return OidcPages.result(model, response, 404, "oidc.unknownProvider");
        }
        if (!reauthentication.confirm(me.userId(), password)) {
            linking.refused(chosen.get().id(), me.userId(), "wrong password");
            return "redirect:/phr/mynumber?wrongPassword";
        }
        try {
            return OidcPages.onwards(model, roundTrip.start(request, chosen.get(), RoundTrip.Purpose.LINK,
                    me.userId()).toString());
        } catch (Refused unavailable) {
            linking.refused(chosen.get().id(), me.userId(), unavailable.reason());
            return OidcPages.result(model, response, 503, "oidc.unavailable");
        }
    }

    /**
     * Removes one of the resident's own links once confirmed ({@code confirmed=yes}); one click without it comes back to
     * the page with the question open (a link that is not theirs: back to the page, as the act itself answers).
     */
    @PostMapping("/phr/mynumber/{linkId}/remove")
    String remove(@AuthenticationPrincipal SignedIn me, @PathVariable long linkId,
                  @RequestParam(required = false) String confirmed) {
        if (!"yes".equals(confirmed)) {
            // asked once (issue 67)
            return linking.owns(me.userId(), linkId) ? "redirect:/phr/mynumber?confirm=" + linkId : "redirect:/phr/mynumber";
        }
        return linking.unlink(me.userId(), linkId) ? "redirect:/phr/mynumber?unlinked" : "redirect:/phr/mynumber";
    }
}
