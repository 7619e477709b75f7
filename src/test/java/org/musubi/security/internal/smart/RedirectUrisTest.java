package org.musubi.security.internal.smart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which redirect URIs an app may register (RFC 8252 for native apps), and the consent page's form target. */
class RedirectUrisTest {

    @Test
    void acceptsHttpsLoopbackHttpAndReverseDomainSchemes() {
        assertThat(SmartApps.acceptable("https://app.example.jp/callback")).isTrue();
        assertThat(SmartApps.acceptable("https://app.example.jp/callback?from=musubi")).isTrue();
        assertThat(SmartApps.acceptable("http://127.0.0.1:51004/cb")).isTrue();
        assertThat(SmartApps.acceptable("http://localhost/cb")).isTrue();
        assertThat(SmartApps.acceptable("jp.example.kenko:/oauth2redirect")).isTrue();
    }

    @Test
    void refusesPlainHttpFragmentsCredentialsRelativeAndScriptSchemes() {
        assertThat(SmartApps.acceptable("http://app.example.jp/callback")).isFalse();
        assertThat(SmartApps.acceptable("https://app.example.jp/callback#x")).isFalse();
        assertThat(SmartApps.acceptable("https://user@app.example.jp/callback")).isFalse();
        assertThat(SmartApps.acceptable("/callback")).isFalse();
        assertThat(SmartApps.acceptable("javascript:alert(1)")).isFalse();
        assertThat(SmartApps.acceptable("data:text/html,x")).isFalse();
        assertThat(SmartApps.acceptable("https://app.example.jp/" + "a".repeat(2000))).isFalse();
    }

    @Test
    void theConsentFormMayLeadOnlyToTheAppsOwnOrigin() {
        assertThat(AuthorizeController.consentPolicy("https://app.example.jp:8443/cb?x=1"))
                .contains("form-action 'self' https://app.example.jp:8443;").contains("script-src 'self'");
        assertThat(AuthorizeController.consentPolicy("jp.example.kenko:/oauth2redirect"))
                .contains("form-action 'self' jp.example.kenko:;");
    }
}
