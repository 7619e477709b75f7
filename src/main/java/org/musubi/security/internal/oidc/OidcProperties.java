package org.musubi.security.internal.oidc;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Logging residents in through an outside OpenID provider (OpenID Connect authorization code flow with PKCE): the
 * デジタル認証アプリ, which proves the holder of a My Number card with the card and its PIN. Off unless enabled.
 *
 * @param enabled          whether the providers below are offered at all
 * @param providers        the OpenID providers Musubi is registered with as a client
 * @param clockSkew        how far the provider's clock may be off when an ID token's {@code exp} and {@code iat} are
 *                         checked
 * @param tokenMaxAge      how old (by its {@code iat}) an ID token may be when Musubi receives it
 * @param roundTripTimeout how long a resident may take at the provider before the round trip must be started again
 * @param httpTimeout      connect and read timeout of each call to a provider (discovery, keys, token endpoint)
 */
@ConfigurationProperties("musubi.security.oidc")
public record OidcProperties(
        @DefaultValue("false") boolean enabled,
        List<Provider> providers,
        @DefaultValue("60s") Duration clockSkew,
        @DefaultValue("10m") Duration tokenMaxAge,
        @DefaultValue("10m") Duration roundTripTimeout,
        @DefaultValue("10s") Duration httpTimeout) {

    /** The one path of Musubi every provider redirects back to; a provider's redirect URI must end with it. */
    public static final String CALLBACK_PATH = "/phr/oidc/callback";
    private static final Pattern ID = Pattern.compile("[a-z0-9-]{1,32}");
    private static final Pattern CLAIM = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    /** How Musubi authenticates itself at a provider's token endpoint. */
    public enum ClientAuth { CLIENT_SECRET_BASIC, CLIENT_SECRET_POST, PRIVATE_KEY_JWT }

    /**
     * What a verified, linked identity of this provider is worth: a full login by itself ({@code standalone}), or only
     * the second step after the account's password ({@code after-password}, an additional factor instead of an
     * alternative one).
     */
    public enum LoginMode { STANDALONE, AFTER_PASSWORD }

    /**
     * One OpenID provider.
     *
     * @param id             a short name used in addresses and the link table ({@code a-z 0-9 -}); never change it
     *                       once residents have linked
     * @param name           what residents see (Japanese), e.g. on the login button
     * @param nameEn         what residents see in English
     * @param issuer         the provider's issuer; its discovery document is read from
     *                       {@code <issuer>/.well-known/openid-configuration}
     * @param clientId       Musubi's client id at the provider
     * @param clientSecret   the client secret, for {@code client-secret-basic} and {@code client-secret-post}
     * @param clientAuth     how Musubi authenticates at the token endpoint
     * @param privateKeyFile for {@code private-key-jwt}: a file holding Musubi's private key as a JWK (RSA, or EC
     *                       P-256), whose public half is registered with the provider
     * @param redirectUri    the redirect URI registered with the provider: this server's public address followed by
     *                       {@value #CALLBACK_PATH}; when not set, the address the browser used (behind a proxy, as
     *                       its forwarded headers say) followed by {@value #CALLBACK_PATH}
     * @param scopes         the scopes asked for; must include {@code openid}
     * @param subjectClaim   the ID token claim that identifies the card holder (the provider's {@code sub} unless
     *                       the provider says otherwise)
     * @param acrValues      {@code acr_values} sent with the authorization request, if the provider wants them
     * @param login          {@code standalone} or {@code after-password}
     */
    public record Provider(
            String id,
            @DefaultValue("マイナンバーカード") String name,
            @DefaultValue("My Number card") String nameEn,
            URI issuer,
            String clientId,
            String clientSecret,
            @DefaultValue("client-secret-basic") ClientAuth clientAuth,
            Path privateKeyFile,
            URI redirectUri,
            @DefaultValue("openid") List<String> scopes,
            @DefaultValue("sub") String subjectClaim,
            String acrValues,
            @DefaultValue("standalone") LoginMode login) {

        /** The name to show in this language. */
        public String shownName(Locale locale) {
            return "en".equals(locale.getLanguage()) ? nameEn : name;
        }

        public boolean standalone() {
            return login == LoginMode.STANDALONE;
        }
    }

    public OidcProperties {
        providers = providers == null ? List.of() : List.copyOf(providers);
        if (enabled) {
            check(providers, clockSkew, roundTripTimeout);
        }
    }

    /** The providers in use: none unless enabled. */
    public List<Provider> active() {
        return enabled ? providers : List.of();
    }

    private static void check(List<Provider> providers, Duration clockSkew, Duration roundTripTimeout) {
        if (providers.isEmpty()) {
            throw new IllegalArgumentException("musubi.security.oidc.enabled is true but no musubi.security.oidc.providers");
        }
        if (clockSkew.isNegative() || roundTripTimeout.isNegative() || roundTripTimeout.isZero()) {
            throw new IllegalArgumentException("musubi.security.oidc durations must be positive");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < providers.size(); i++) {
            Provider p = providers.get(i);
            String at = "musubi.security.oidc.providers[" + i + "].";
            require(p.id() != null && ID.matcher(p.id()).matches(), at + "id must be 1-32 of a-z 0-9 -");
            require(ids.add(p.id()), at + "id " + p.id() + " is used twice");
            require(p.issuer() != null && safe(p.issuer()), at + "issuer must be an https address (http on loopback only)");
            require(p.clientId() != null && !p.clientId().isBlank(), at + "client-id is required");
            if (p.clientAuth() == ClientAuth.PRIVATE_KEY_JWT) {
                require(p.privateKeyFile() != null, at + "private-key-file is required for private-key-jwt");
            } else {
                require(p.clientSecret() != null && !p.clientSecret().isBlank(), at + "client-secret is required for "
                        + p.clientAuth().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            }
            require(p.redirectUri() == null || (safe(p.redirectUri()) && p.redirectUri().getRawQuery() == null
                    && p.redirectUri().getPath().endsWith(CALLBACK_PATH)), at + "redirect-uri must be this server's "
                    + "https address ending with " + CALLBACK_PATH);
            require(p.scopes().contains("openid"), at + "scopes must include openid");
            require(CLAIM.matcher(p.subjectClaim()).matches(), at + "subject-claim is not a claim name");
        }
    }

    /** https, or http to this machine (a test provider on loopback). */
    static boolean safe(URI uri) {
        if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawFragment() != null) {
            return false;
        }
        return "https".equals(uri.getScheme()) || ("http".equals(uri.getScheme())
                && ("localhost".equals(uri.getHost()) || uri.getHost().startsWith("127.") || "[::1]".equals(uri.getHost())));
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
