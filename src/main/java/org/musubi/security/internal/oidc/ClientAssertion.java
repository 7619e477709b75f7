package org.musubi.security.internal.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * Musubi's client authentication by {@code private_key_jwt} (OpenID Connect Core §9, RFC 7523): a short-lived JWT
 * with {@code iss} = {@code sub} = the client id and {@code aud} = the token endpoint, signed RS256 (RSA key) or ES256
 * (EC P-256 key) with the key whose public half the provider holds.
 */
final class ClientAssertion {

    static final String TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private static final Duration LIFETIME = Duration.ofSeconds(60);

    private ClientAssertion() {
    }

    /** The provider's configured key, checked once at start: a private RSA or EC P-256 key. */
    static JWK readKey(OidcProperties.Provider provider, String json) {
        JWK key;
        try {
            key = JWK.parse(json);
        } catch (ParseException e) {
            throw new IllegalArgumentException("the private-key-file of provider " + provider.id() + " is not a JWK", e);
        }
        boolean usable = key.isPrivate() && (key instanceof RSAKey
                || (key instanceof ECKey ec && Curve.P_256.equals(ec.getCurve())));
        if (!usable) {
            throw new IllegalArgumentException("the private-key-file of provider " + provider.id()
                    + " must hold a private RSA or EC P-256 key");
        }
        return key;
    }

    static String sign(JWK key, String clientId, URI tokenEndpoint, Instant now) throws Refused {
        try {
            JWSSigner signer = key instanceof RSAKey rsa ? new RSASSASigner(rsa) : new ECDSASigner((ECKey) key);
            JWSAlgorithm algorithm = key instanceof RSAKey ? JWSAlgorithm.RS256 : JWSAlgorithm.ES256;
            JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(clientId).subject(clientId)
                    .audience(tokenEndpoint.toString()).jwtID(UUID.randomUUID().toString())
                    .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(LIFETIME))).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).build(), claims);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new Refused("client assertion could not be signed");
        }
    }
}
