package org.musubi.security.internal.api;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Verifies SMART Backend Services client assertions (RFC 7523 JWT bearer client authentication):
 * RS256/RS384 or ES256/ES384 signed by a key of the client's JWK Set, {@code iss} = {@code sub} = the
 * client id, {@code aud} = the token endpoint, expiring within five minutes, with a {@code jti}. Plain
 * Java (JDK crypto), no JOSE library.
 */
final class ClientAssertions {

    static final Duration MAX_LIFETIME = Duration.ofMinutes(5);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> ALGORITHMS = Map.of("RS256", "SHA256withRSA", "RS384", "SHA384withRSA",
            "ES256", "SHA256withECDSAinP1363Format", "ES384", "SHA384withECDSAinP1363Format");

    private ClientAssertions() {
    }

    /** A verified assertion: who it names and its id and expiry, for the replay check. */
    record Claims(String clientId, String jti, Instant expiresAt) {
    }

    /** The assertion's client id without verifying anything (to find the client's keys). */
    static String issuer(String assertion) {
        String[] parts = assertion.split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a JWS compact serialisation");
        }
        return text(json(parts[1]), "iss");
    }

    static Claims verify(String assertion, String jwks, String audience, Instant now) {
        String[] parts = assertion.split("\\.");
        JsonNode header = json(parts[0]);
        JsonNode claims = json(parts[1]);
        String algorithm = ALGORITHMS.get(text(header, "alg"));
        if (algorithm == null) {
            throw new IllegalArgumentException("unsupported alg " + text(header, "alg"));
        }
        byte[] signed = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        if (keys(jwks, text(header, "kid")).stream().noneMatch(k -> verifies(algorithm, k, signed, signature))) {
            throw new IllegalArgumentException("signature does not verify with the client's keys");
        }
        String issuer = text(claims, "iss");
        if (!issuer.equals(text(claims, "sub"))) {
            throw new IllegalArgumentException("iss and sub differ");
        }
        if (!audience.equals(text(claims, "aud"))) {
            throw new IllegalArgumentException("aud is not " + audience);
        }
        Instant expires = Instant.ofEpochSecond(claims.path("exp").asLong(0));
        if (!expires.isAfter(now) || expires.isAfter(now.plus(MAX_LIFETIME).plusSeconds(30))) {
            throw new IllegalArgumentException("exp must be in the future and at most five minutes away");
        }
        return new Claims(issuer, text(claims, "jti"), expires);
    }

    /** Parses a JWK Set, to check it when an administrator registers it; returns how many keys it holds. */
    static int check(String jwks) {
        List<PublicKey> keys = keys(jwks, null);
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no usable RSA or EC (P-256, P-384) public key");
        }
        return keys.size();
    }

    private static List<PublicKey> keys(String jwks, String kid) {
        List<PublicKey> keys = new ArrayList<>();
        for (JsonNode jwk : JSON.readTree(jwks).path("keys")) {
            if (kid == null || kid.equals(jwk.path("kid").asString(null))) {
                try {
                    keys.add(publicKey(jwk));
                } catch (GeneralSecurityException | IllegalArgumentException e) {
                    // a key Musubi cannot use is skipped; check() reports a set without usable keys
                }
            }
        }
        return keys;
    }

    private static PublicKey publicKey(JsonNode jwk) throws GeneralSecurityException {
        return switch (jwk.path("kty").asString("")) {
            case "RSA" -> KeyFactory.getInstance("RSA").generatePublic(
                    new RSAPublicKeySpec(number(jwk, "n"), number(jwk, "e")));
            case "EC" -> {
                String curve = switch (jwk.path("crv").asString("")) {
                    case "P-256" -> "secp256r1";
                    case "P-384" -> "secp384r1";
                    default -> throw new IllegalArgumentException("unsupported curve");
                };
                AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
                parameters.init(new ECGenParameterSpec(curve));
                yield KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(
                        new ECPoint(number(jwk, "x"), number(jwk, "y")), parameters.getParameterSpec(ECParameterSpec.class)));
            }
            default -> throw new IllegalArgumentException("unsupported kty");
        };
    }

    private static boolean verifies(String algorithm, PublicKey key, byte[] signed, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(key);
            verifier.update(signed);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static BigInteger number(JsonNode jwk, String field) {
        return new BigInteger(1, Base64.getUrlDecoder().decode(text(jwk, field)));
    }

    private static JsonNode json(String base64url) {
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(base64url), StandardCharsets.UTF_8));
    }

    private static String text(JsonNode node, String field) {
        String value = node.path(field).asString(null);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return value;
    }
}
