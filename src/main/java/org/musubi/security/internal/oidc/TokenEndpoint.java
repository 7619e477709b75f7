package org.musubi.security.internal.oidc;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Redeems an authorization code at the provider's token endpoint, with the PKCE verifier and Musubi's client
 * authentication, for the ID token. Musubi asks for nothing else: the access token is not used.
 */
final class TokenEndpoint {

    private static final Pattern ERROR_CODE = Pattern.compile("[a-z_]{1,40}");
    private static final int MAX_BYTES = 64 * 1024;

    private TokenEndpoint() {
    }

    static String idToken(OpenIdProviders providers, OidcProperties.Provider provider, String code,
                          RoundTrip.Pending pending) throws Refused {
        ProviderMetadata metadata = providers.metadata(provider);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", pending.redirectUri());
        form.put("code_verifier", pending.verifier());
        HttpRequest.Builder request = HttpRequest.newBuilder(metadata.tokenEndpoint())
                .timeout(providers.settings().httpTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json");
        switch (provider.clientAuth()) {
            case CLIENT_SECRET_BASIC -> request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (encode(provider.clientId()) + ":" + encode(provider.clientSecret())).getBytes(StandardCharsets.UTF_8)));
            case CLIENT_SECRET_POST -> {
                form.put("client_id", provider.clientId());
                form.put("client_secret", provider.clientSecret());
            }
            case PRIVATE_KEY_JWT -> {
                form.put("client_id", provider.clientId());
                form.put("client_assertion_type", ClientAssertion.TYPE);
                form.put("client_assertion", ClientAssertion.sign(providers.clientKey(provider).orElseThrow(),
                        provider.clientId(), metadata.tokenEndpoint(), Instant.now()));
            }
        }
        String body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return read(send(providers, request.POST(HttpRequest.BodyPublishers.ofString(body)).build()));
    }

    private static HttpResponse<String> send(OpenIdProviders providers, HttpRequest request) throws Refused {
        try {
            return providers.http().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Refused("token endpoint unreachable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refused("token endpoint interrupted");
        }
    }

    private static String read(HttpResponse<String> response) throws Refused {
        if (response.body().length() > MAX_BYTES) {
            throw new Refused("token endpoint answered too much");
        }
        try {
            Map<String, Object> json = JSONObjectUtils.parse(response.body());
            if (response.statusCode() != 200) {
                String error = JSONObjectUtils.getString(json, "error");
                throw new Refused("token endpoint answered HTTP " + response.statusCode()
                        + (error != null && ERROR_CODE.matcher(error).matches() ? " " + error : ""));
            }
            String idToken = JSONObjectUtils.getString(json, "id_token");
            if (idToken == null || idToken.isBlank()) {
                throw new Refused("token endpoint answered no ID token");
            }
            return idToken;
        } catch (ParseException e) {
            throw new Refused("token endpoint answered HTTP " + response.statusCode() + " without JSON");
        }
    }

    /** Form encoding; also what RFC 6749 §2.3.1 asks of the client id and secret inside HTTP Basic. */
    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
