package org.musubi.security.internal.oidc;

import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * What the screens outside this package show of My Number card login, read by the templates as {@code @oidc}: the
 * login buttons of the notebook's login page, the menu entry of its home, and a person's links on the operator's
 * person page.
 */
@Component("oidc")
public class OidcViews {

    private final OpenIdProviders providers;
    private final LinkMyNumber linking;

    OidcViews(OpenIdProviders providers, LinkMyNumber linking) {
        this.providers = providers;
        this.linking = linking;
    }

    /** Whether any provider is configured (the notebook offers linking). */
    public boolean enabled() {
        return !providers.all().isEmpty();
    }

    /** The providers a resident may log in with by themself. */
    public List<OidcProperties.Provider> loginButtons() {
        return providers.standalone();
    }

    /**
     * A link's provider as a person reads it: the configured provider's name in {@code locale}, else (a provider no
     * longer configured) its id as the link keeps it.
     */
    public String providerName(String providerId, Locale locale) {
        return providers.find(providerId).map(p -> p.shownName(locale)).orElse(providerId);
    }

    /** The links of the person's resident account. */
    public List<OidcLinks.Link> ofPerson(long personId) {
        return enabled() ? linking.ofPerson(personId) : List.of();
    }
}
