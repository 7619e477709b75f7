package org.musubi.security.internal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.musubi.testing.Jwts;

class ClientAssertionsTest {

    static final String AUD = "https://musubi.example.jp/oauth2/token";
    static final KeyPair EC = Jwts.ecP384();
    static final KeyPair RSA = Jwts.rsa();

    @Test
    void acceptsEs384AndRs384AssertionsSignedByTheClientsKey() {
        for (KeyPair pair : new KeyPair[] {EC, RSA}) {
            String jwt = Jwts.assertion(pair, "k1", "api-abc", AUD, 120, "j-1");

            ClientAssertions.Claims claims = ClientAssertions.verify(jwt, Jwts.jwks(pair, "k1"), AUD, Instant.now());

            assertThat(claims.clientId()).isEqualTo("api-abc");
            assertThat(claims.jti()).isEqualTo("j-1");
            assertThat(ClientAssertions.issuer(jwt)).isEqualTo("api-abc");
        }
    }

    @Test
    void refusesAnotherKeyAnotherAudienceATamperedBodyAndBadExpiry() {
        String jwks = Jwts.jwks(EC, "k1");
        String good = Jwts.assertion(EC, "k1", "api-abc", AUD, 120, null);
        String[] parts = good.split("\\.");
        String tampered = parts[0] + "." + Jwts.assertion(EC, "k1", "api-evil", AUD, 120, null).split("\\.")[1] + "." + parts[2];

        assertThatThrownBy(() -> ClientAssertions.verify(Jwts.assertion(Jwts.ecP384(), "k1", "api-abc", AUD, 120, null),
                jwks, AUD, Instant.now())).hasMessageContaining("signature");
        assertThatThrownBy(() -> ClientAssertions.verify(good, jwks, "https://other/oauth2/token", Instant.now()))
                .hasMessageContaining("aud");
        assertThatThrownBy(() -> ClientAssertions.verify(tampered, jwks, AUD, Instant.now())).hasMessageContaining("signature");
        assertThatThrownBy(() -> ClientAssertions.verify(Jwts.assertion(EC, "k1", "api-abc", AUD, -10, null), jwks, AUD,
                Instant.now())).hasMessageContaining("exp");
        assertThatThrownBy(() -> ClientAssertions.verify(Jwts.assertion(EC, "k1", "api-abc", AUD, 3600, null), jwks, AUD,
                Instant.now())).hasMessageContaining("exp");
        assertThatThrownBy(() -> ClientAssertions.verify(Jwts.assertion(EC, "k2", "api-abc", AUD, 120, null), jwks, AUD,
                Instant.now())).hasMessageContaining("signature");
    }

    @Test
    void checksAJwkSetForUsableKeys() {
        assertThat(ClientAssertions.check(Jwts.jwks(RSA, "r"))).isEqualTo(1);
        assertThatThrownBy(() -> ClientAssertions.check("{\"keys\":[{\"kty\":\"oct\",\"k\":\"AAAA\"}]}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClientAssertions.check("not json")).isInstanceOf(RuntimeException.class);
    }
}
