package org.musubi.security.internal.oidc;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The configured OpenID providers and what Musubi learns of them: each one's discovery document (read when first
 * needed, read again after a day, never cached when it failed) and its signing keys (the JWK Set at its
 * {@code jwks_uri}, cached and read again when a token names a key not yet seen, at most every 30 seconds). Musubi's
 * own private keys for {@code private_key_jwt} are read at start, so that a wrong file stops the start.
 */
@Component
class OpenIdProviders implements AutoCloseable {

    private static final Duration METADATA_LIFETIME = Duration.ofHours(24);
    private final OidcProperties properties;
    private final HttpClient http;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Discovered> discovered = new ConcurrentHashMap<>();
    private final Map<String, JWK> clientKeys = new ConcurrentHashMap<>();

    private record Discovered(ProviderMetadata metadata, JWKSource<SecurityContext> keys, Instant at) {
    }

    OpenIdProviders(OidcProperties properties) {
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.httpTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        for (OidcProperties.Provider provider : properties.active()) {
            if (provider.clientAuth() == OidcProperties.ClientAuth.PRIVATE_KEY_JWT) {
                clientKeys.put(provider.id(), ClientAssertion.readKey(provider, read(provider)));
            }
        }
    }

    /** The providers in use (none unless enabled). */
    public List<OidcProperties.Provider> all() {
        return properties.active();
    }

    /** The providers a resident may log in with by themself (the button on the notebook's login page). */
    public List<OidcProperties.Provider> standalone() {
        return all().stream().filter(OidcProperties.Provider::standalone).toList();
    }

    Optional<OidcProperties.Provider> find(String id) {
        return all().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    OidcProperties settings() {
        return properties;
    }

    HttpClient http() {
        return http;
    }

    Optional<JWK> clientKey(OidcProperties.Provider provider) {
        return Optional.ofNullable(clientKeys.get(provider.id()));
    }

    ProviderMetadata metadata(OidcProperties.Provider provider) throws Refused {
        return discovered(provider).metadata();
    }

    JWKSource<SecurityContext> keys(OidcProperties.Provider provider) throws Refused {
        return discovered(provider).keys();
    }

    private Discovered discovered(OidcProperties.Provider provider) throws Refused {
        Discovered known = discovered.get(provider.id());
        if (known != null && known.at().plus(METADATA_LIFETIME).isAfter(clock.instant())) {
            return known;
        }
        ProviderMetadata metadata = ProviderMetadata.discover(http, provider.issuer(), properties.httpTimeout());
        int timeout = (int) properties.httpTimeout().toMillis();
        try {
            JWKSource<SecurityContext> keys = JWKSourceBuilder.<SecurityContext>create(metadata.jwksUri().toURL(),
                            new DefaultResourceRetriever(timeout, timeout, 256 * 1024))
                    .cache(Duration.ofMinutes(15).toMillis(), timeout).rateLimited(true).retrying(false).build();
            Discovered fresh = new Discovered(metadata, keys, clock.instant());
            discovered.put(provider.id(), fresh);
            return fresh;
        } catch (MalformedURLException e) {
            throw new Refused("discovery's jwks_uri is not a URL");
        }
    }

    private static String read(OidcProperties.Provider provider) {
        try {
            return Files.readString(provider.privateKeyFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read musubi.security.oidc private-key-file of provider "
                    + provider.id(), e);
        }
    }

    /** Ends the HTTP client with the server (Spring calls it when the context closes; its threads end with it). */
    @Override
    public void close() {
        http.shutdownNow();
    }
}
