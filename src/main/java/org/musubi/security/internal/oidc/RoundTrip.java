package org.musubi.security.internal.oidc;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * One authorization code round trip to a provider: the request (with a random {@code state}, a random {@code nonce}
 * and a PKCE S256 challenge, all three kept in this HTTP session) and, when the browser comes back, the answer: the
 * pending round trip is taken out of the session whatever happens (a state is good for one answer), the state must
 * match, the code is redeemed with the verifier and the ID token validated ({@link IdTokens}).
 */
@Component
class RoundTrip {

    static final String PENDING = "OIDC_PENDING_ROUND_TRIP";
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private final OpenIdProviders providers;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();

    RoundTrip(OpenIdProviders providers) {
        this.providers = providers;
    }

    /** Why the round trip was started: a login by the card alone, the step after a password, or linking an account. */
    enum Purpose { LOGIN, SECOND_STEP, LINK }

    /** A round trip under way, kept in the session until the browser comes back. */
    record Pending(String providerId, Purpose purpose, Long userId, String state, String nonce, String verifier,
                   String redirectUri, Instant startedAt) implements Serializable {
    }

    /** A subject the provider proved, for the round trip that asked. */
    record Verified(Pending pending, OidcProperties.Provider provider, String subject) {
    }

    /** Starts a round trip; returns the provider's authorization address to send the browser to. */
    URI start(HttpServletRequest request, OidcProperties.Provider provider, Purpose purpose, Long userId)
            throws Refused {
        URI endpoint = providers.metadata(provider).authorizationEndpoint();
        Pending pending = new Pending(provider.id(), purpose, userId, randomText(), randomText(), randomText(),
                redirectUri(provider, request), clock.instant());
        request.getSession().setAttribute(PENDING, pending);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", provider.clientId());
        query.put("redirect_uri", pending.redirectUri());
        query.put("scope", String.join(" ", provider.scopes()));
        query.put("state", pending.state());
        query.put("nonce", pending.nonce());
        query.put("code_challenge", challenge(pending.verifier()));
        query.put("code_challenge_method", "S256");
        if (provider.acrValues() != null && !provider.acrValues().isBlank()) {
            query.put("acr_values", provider.acrValues());
        }
        String separator = endpoint.getRawQuery() == null ? "?" : "&";
        return URI.create(endpoint + separator + query.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&")));
    }

    /** The round trip this session had under way, if any (taken out of the session: it answers once). */
    Pending take(HttpSession session) throws Refused {
        Object pending = session == null ? null : session.getAttribute(PENDING);
        if (session != null) {
            session.removeAttribute(PENDING);
        }
        if (!(pending instanceof Pending p)) {
            throw new Refused("no OpenID round trip under way in this session");
        }
        return p;
    }

    /** The provider's answer to {@code pending}: the verified subject, or why not. */
    Verified finish(Pending pending, String state, String code, String error) throws Refused {
        if (state == null || !MessageDigest.isEqual(pending.state().getBytes(StandardCharsets.US_ASCII),
                state.getBytes(StandardCharsets.UTF_8))) {
            throw new Refused("state does not match the round trip under way");
        }
        Instant now = clock.instant();
        if (pending.startedAt().plus(providers.settings().roundTripTimeout()).isBefore(now)) {
            throw new Refused("round trip took too long");
        }
        OidcProperties.Provider provider = providers.find(pending.providerId())
                .orElseThrow(() -> new Refused("provider no longer configured"));
        if (error != null) {
            throw new Refused("provider answered an error" + (error.matches("[a-z_]{1,40}") ? " (" + error + ")" : ""));
        }
        if (code == null || code.isBlank() || code.length() > 2048) {
            throw new Refused("provider answered no code");
        }
        String idToken = TokenEndpoint.idToken(providers, provider, code, pending);
        return new Verified(pending, provider, IdTokens.subject(providers, provider, idToken, pending.nonce(), now));
    }

    /** The configured redirect URI, or this server's address as the browser used it, with the callback path. */
    private static String redirectUri(OidcProperties.Provider provider, HttpServletRequest request) {
        if (provider.redirectUri() != null) {
            return provider.redirectUri().toString();
        }
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean defaultPort = ("https".equals(scheme) && port == 443) || ("http".equals(scheme) && port == 80);
        return scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port) + request.getContextPath()
                + OidcProperties.CALLBACK_PATH;
    }

    private String randomText() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return B64URL.encodeToString(bytes);
    }

    static String challenge(String verifier) {
        try {
            return B64URL.encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
