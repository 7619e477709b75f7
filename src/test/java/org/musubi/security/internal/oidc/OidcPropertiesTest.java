package org.musubi.security.internal.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A provider configuration that cannot work stops the start with a message naming the property; switched off, no
 * provider is offered whatever is configured.
 */
class OidcPropertiesTest {

    @Test
    void offDefaultOffersNoProviderWhateverIsConfigured() {
        OidcProperties off = properties(false, provider("mynumber", URI.create("http://example.org"), null));

        assertThat(off.active()).isEmpty();
    }

    @Test
    void anIssuerOverPlainHttpIsRefusedExceptOnLoopback() {
        assertThatThrownBy(() -> properties(true, provider("mynumber", URI.create("http://auth.example.jp"), null)))
                .hasMessage("musubi.security.oidc.providers[0].issuer must be an https address (http on loopback only)");
        assertThat(properties(true, provider("mynumber", URI.create("http://127.0.0.1:8443/op"), null)).active())
                .hasSize(1);
    }

    @Test
    void aRedirectUriMustEndWithTheCallbackPath() {
        assertThatThrownBy(() -> properties(true, provider("mynumber", URI.create("https://auth.example.jp"),
                URI.create("https://musubi.example.jp/somewhere"))))
                .hasMessageStartingWith("musubi.security.oidc.providers[0].redirect-uri must be");
        assertThat(properties(true, provider("mynumber", URI.create("https://auth.example.jp"),
                URI.create("https://musubi.example.jp/phr/oidc/callback"))).active()).hasSize(1);
    }

    @Test
    void idsAreShortNamesUsedOnce() {
        OidcProperties.Provider one = provider("mynumber", URI.create("https://auth.example.jp"), null);
        assertThatThrownBy(() -> properties(true, one, one))
                .hasMessage("musubi.security.oidc.providers[1].id mynumber is used twice");
        assertThatThrownBy(() -> properties(true, provider("My Number", URI.create("https://auth.example.jp"), null)))
                .hasMessage("musubi.security.oidc.providers[0].id must be 1-32 of a-z 0-9 -");
    }

    @Test
    void privateKeyJwtNeedsAKeyFileAndSecretsNeedASecret() {
        OidcProperties.Provider noKey = new OidcProperties.Provider("mynumber", "マイナンバーカード", "My Number card",
                URI.create("https://auth.example.jp"), "RP00000001", null, OidcProperties.ClientAuth.PRIVATE_KEY_JWT, null,
                null, List.of("openid"), "sub", null, OidcProperties.LoginMode.STANDALONE);
        assertThatThrownBy(() -> properties(true, noKey))
                .hasMessage("musubi.security.oidc.providers[0].private-key-file is required for private-key-jwt");
        OidcProperties.Provider noSecret = new OidcProperties.Provider("mynumber", "マイナンバーカード", "My Number card",
                URI.create("https://auth.example.jp"), "RP00000001", " ", OidcProperties.ClientAuth.CLIENT_SECRET_POST,
                Path.of("unused"), null, List.of("openid"), "sub", null, OidcProperties.LoginMode.STANDALONE);
        assertThatThrownBy(() -> properties(true, noSecret))
                .hasMessage("musubi.security.oidc.providers[0].client-secret is required for client-secret-post");
    }

    @Test
    void theScopesMustAskForOpenId() {
        OidcProperties.Provider noOpenId = new OidcProperties.Provider("mynumber", "マイナンバーカード", "My Number card",
                URI.create("https://auth.example.jp"), "RP00000001", "secret", OidcProperties.ClientAuth.CLIENT_SECRET_BASIC,
                null, null, List.of("name"), "sub", null, OidcProperties.LoginMode.STANDALONE);

        assertThatThrownBy(() -> properties(true, noOpenId))
                .hasMessage("musubi.security.oidc.providers[0].scopes must include openid");
    }

    private static OidcProperties.Provider provider(String id, URI issuer, URI redirectUri) {
        return new OidcProperties.Provider(id, "マイナンバーカード", "My Number card", issuer, "RP00000001", "secret",
                OidcProperties.ClientAuth.CLIENT_SECRET_BASIC, null, redirectUri, List.of("openid"), "sub", null,
                OidcProperties.LoginMode.STANDALONE);
    }

    private static OidcProperties properties(boolean enabled, OidcProperties.Provider... providers) {
        return new OidcProperties(enabled, List.of(providers), Duration.ofSeconds(60), Duration.ofMinutes(10),
                Duration.ofMinutes(10), Duration.ofSeconds(10));
    }
}
