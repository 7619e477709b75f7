package org.musubi.security.internal.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates an ID token as OpenID Connect Core §3.1.3.7 asks, before anything in it is believed: signed (never
 * {@code alg: none}, never an HMAC whose key would be the client secret), RS256 or ES256 only, by a key of the
 * provider's JWK Set; issued by the provider ({@code iss}), for Musubi ({@code aud}, and {@code azp} when there are
 * several audiences), not expired ({@code exp}), recently issued ({@code iat}), and answering this round trip
 * ({@code nonce}). What it identifies is the configured subject claim.
 */
final class IdTokens {

    static final Set<JWSAlgorithm> ACCEPTED = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);
    private static final Pattern SUBJECT = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final Pattern SHOWN_ALG = Pattern.compile("[A-Za-z0-9]{1,12}");

    private IdTokens() {
    }

    /** The verified subject, or why the token is refused. */
    static String subject(OpenIdProviders providers, OidcProperties.Provider provider, String idToken, String nonce,
                          Instant now) throws Refused {
        SignedJWT signed = signed(idToken);
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ACCEPTED, providers.keys(provider)));
        processor.setJWTClaimsSetVerifier((claims, context) -> { });
        JWTClaimsSet claims;
        try {
            claims = processor.process(signed, null);
        } catch (BadJOSEException | JOSEException e) {
            throw new Refused("ID token signature not verified by the provider's keys");
        }
        check(claims, provider, providers.metadata(provider).issuer(), nonce, now, providers.settings());
        return subjectOf(claims, provider);
    }

    private static SignedJWT signed(String idToken) throws Refused {
        JWT jwt;
        try {
            jwt = JWTParser.parse(idToken);
        } catch (ParseException e) {
            throw new Refused("ID token malformed");
        }
        if (!(jwt instanceof SignedJWT signed)) {
            throw new Refused("ID token not signed (alg none or encrypted)");
        }
        JWSAlgorithm algorithm = signed.getHeader().getAlgorithm();
        if (!ACCEPTED.contains(algorithm)) {
            String name = algorithm.getName();
            throw new Refused("ID token alg " + (SHOWN_ALG.matcher(name).matches() ? name : "?") + " not accepted");
        }
        return signed;
    }

    private static void check(JWTClaimsSet claims, OidcProperties.Provider provider, String issuer, String nonce,
                              Instant now, OidcProperties settings) throws Refused {
        Duration skew = settings.clockSkew();
        if (!issuer.equals(claims.getIssuer())) {
            throw new Refused("ID token from another issuer");
        }
        List<String> audience = claims.getAudience();
        if (!audience.contains(provider.clientId())) {
            throw new Refused("ID token for another audience");
        }
        Object azp = claims.getClaim("azp");
        if ((audience.size() > 1 || azp != null) && !provider.clientId().equals(azp)) {
            throw new Refused("ID token authorized for another party (azp)");
        }
        Date expires = claims.getExpirationTime();
        if (expires == null || !expires.toInstant().plus(skew).isAfter(now)) {
            throw new Refused("ID token expired");
        }
        Date issued = claims.getIssueTime();
        if (issued == null || issued.toInstant().isAfter(now.plus(skew))
                || issued.toInstant().isBefore(now.minus(settings.tokenMaxAge()))) {
            throw new Refused("ID token issue time missing, in the future or too old");
        }
        Object said = claims.getClaim("nonce");
        if (!(said instanceof String text) || !MessageDigest.isEqual(
                text.getBytes(StandardCharsets.UTF_8), nonce.getBytes(StandardCharsets.UTF_8))) {
            throw new Refused("ID token nonce does not answer this round trip");
        }
    }

    private static String subjectOf(JWTClaimsSet claims, OidcProperties.Provider provider) throws Refused {
        Object value = claims.getClaim(provider.subjectClaim());
        if (!(value instanceof String subject) || !SUBJECT.matcher(subject).matches()) {
            throw new Refused("ID token has no usable " + provider.subjectClaim() + " claim");
        }
        return subject;
    }
}
