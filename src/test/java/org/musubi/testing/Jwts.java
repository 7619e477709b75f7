package org.musubi.testing;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

/** Test keys, JWK Sets and signed client assertions, as a facility system's SMART Backend Services client makes them. */
public final class Jwts {

    private Jwts() {
    }

    public static KeyPair ecP384() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp384r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String jwks(KeyPair pair, String kid) {
        if (pair.getPublic() instanceof RSAPublicKey rsa) {
            return "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"" + kid + "\",\"n\":\"" + b64(rsa.getModulus(), 0)
                    + "\",\"e\":\"" + b64(rsa.getPublicExponent(), 0) + "\"}]}";
        }
        ECPublicKey ec = (ECPublicKey) pair.getPublic();
        return "{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-384\",\"kid\":\"" + kid + "\",\"x\":\""
                + b64(ec.getW().getAffineX(), 48) + "\",\"y\":\"" + b64(ec.getW().getAffineY(), 48) + "\"}]}";
    }

    /** A client assertion: iss = sub = client id, aud, exp = now + seconds, a fresh jti unless given. */
    public static String assertion(KeyPair pair, String kid, String clientId, String audience, long seconds, String jti) {
        boolean rsa = pair.getPublic() instanceof RSAPublicKey;
        String header = "{\"alg\":\"" + (rsa ? "RS384" : "ES384") + "\",\"kid\":\"" + kid + "\",\"typ\":\"JWT\"}";
        String claims = "{\"iss\":\"" + clientId + "\",\"sub\":\"" + clientId + "\",\"aud\":\"" + audience
                + "\",\"exp\":" + (Instant.now().getEpochSecond() + seconds) + ",\"jti\":\""
                + (jti == null ? UUID.randomUUID() : jti) + "\"}";
        String signingInput = b64(header) + "." + b64(claims);
        return signingInput + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(sign(pair.getPrivate(), rsa ? "SHA384withRSA" : "SHA384withECDSAinP1363Format", signingInput));
    }

    private static byte[] sign(PrivateKey key, String algorithm, String input) {
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(input.getBytes(StandardCharsets.US_ASCII));
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Unsigned big-endian bytes, left-padded to {@code length} when given (EC coordinates). */
    private static String b64(BigInteger value, int length) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        if (length > bytes.length) {
            byte[] padded = new byte[length];
            System.arraycopy(bytes, 0, padded, length - bytes.length, bytes.length);
            bytes = padded;
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
