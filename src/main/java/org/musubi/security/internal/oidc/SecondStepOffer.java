package org.musubi.security.internal.oidc;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.musubi.security.internal.login.LoginAccount;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * On the login steps' pages of an account that proved its password and has linked a provider: that provider, offered
 * as the second step beside the authenticator app's code.
 */
@ControllerAdvice(basePackageClasses = LoginAccount.class)
class SecondStepOffer {

    private final OpenIdProviders providers;
    private final OidcLinks links;

    SecondStepOffer(OpenIdProviders providers, OidcLinks links) {
        this.providers = providers;
        this.links = links;
    }

    @ModelAttribute("oidcSecondSteps")
    List<OidcProperties.Provider> offered(Authentication authentication) {
        if (providers.all().isEmpty() || authentication == null
                || !(authentication.getPrincipal() instanceof LoginAccount account)) {
            return List.of();
        }
        Set<String> linked = links.ofUser(account.userId()).stream().map(OidcLinks.Link::provider)
                .collect(Collectors.toSet());
        return providers.all().stream().filter(p -> linked.contains(p.id())).toList();
    }
}
