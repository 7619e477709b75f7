package org.musubi.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The browser's part of a round trip to an OpenID provider ({@link MockOpenIdProvider}), over a {@link WebSession}:
 * Musubi's start answers the provider's address (a redirect, or an "onwards" page after a form); the provider's
 * redirect back lands on Musubi's callback, whose page continues to {@code /phr/oidc/return}, as a browser would.
 */
public final class OidcBrowser {

    private static final Pattern ONWARDS = Pattern.compile("id=\"onwards\" href=\"([^\"]+)\"");

    private OidcBrowser() {
    }

    /** The provider's authorization address Musubi sends the browser to. */
    public static String toProvider(HttpResponse<String> start) {
        if (start.statusCode() == 302) {
            return start.headers().firstValue("Location").orElseThrow();
        }
        assertThat(start.statusCode()).as("Musubi's answer to the start").isEqualTo(200);
        return onwards(start.body());
    }

    /** Where an "onwards" page continues to. */
    public static String onwards(String page) {
        Matcher matcher = ONWARDS.matcher(page);
        assertThat(matcher.find()).as("an onwards page: " + page).isTrue();
        return matcher.group(1).replace("&amp;", "&");
    }

    /** Back from the provider at {@code callback}: Musubi's callback page, then its return; the return's answer. */
    public static HttpResponse<String> comeBack(WebSession web, URI callback) {
        HttpResponse<String> page = web.get(callback.getRawPath() + "?" + callback.getRawQuery());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("http-equiv=\"refresh\"");
        return web.get(onwards(page.body()));
    }
}
