package org.musubi.security.internal.smart;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.musubi.security.SecretBox;
import org.musubi.security.internal.api.RandomTokens;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * OpenID Connect id_tokens for residents' apps that ask for {@code openid} (and {@code fhirUser}): JWTs signed RS256
 * with the installation's signing key, made on first use (RSA 2048) and kept in {@code smart_signing_key}, its private
 * part sealed with the installation's secret key. The public keys are served as a JWK Set ({@code /oauth2/jwks}).
 */
@Component
class IdTokens {

    private static final String PURPOSE = "smart-id-token-key";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final JdbcClient jdbc;
    private final SecretBox box;
    private volatile SigningKey key;

    IdTokens(JdbcClient jdbc, SecretBox box) {
        this.jdbc = jdbc;
        this.box = box;
    }

    private record SigningKey(String kid, PrivateKey privateKey) {
    }

    /** A signed id_token with these claims. */
    String sign(Map<String, Object> claims) {
        SigningKey signing = current();
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "RS256");
        header.put("typ", "JWT");
        header.put("kid", signing.kid());
        String input = base64(JSON.writeValueAsBytes(header)) + "." + base64(JSON.writeValueAsBytes(claims));
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(signing.privateKey());
            signer.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + base64(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign an id_token", e);
        }
    }

    /** The JWK Set of every signing key (a key made by another server process too). */
    String jwks() {
        current();
        List<String> keys = jdbc.sql("SELECT public_jwk FROM smart_signing_key ORDER BY created_at DESC").query(String.class)
                .list();
        return "{\"keys\":[" + String.join(",", keys) + "]}";
    }

    private SigningKey current() {
        SigningKey known = key;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (key == null) {
                key = stored().orElseGet(this::created);
            }
            return key;
        }
    }

    private Optional<SigningKey> stored() {
        return jdbc.sql("SELECT kid, private_key FROM smart_signing_key ORDER BY created_at DESC, kid LIMIT 1")
                .query((rs, n) -> new SigningKey(rs.getString(1), privateKey(box.open(PURPOSE, rs.getString(2)))))
                .optional();
    }

    private SigningKey created() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            String kid = RandomTokens.urlSafe(12);
            RSAPublicKey publicKey = (RSAPublicKey) pair.getPublic();
            Map<String, Object> jwk = new LinkedHashMap<>();
            jwk.put("kty", "RSA");
            jwk.put("use", "sig");
            jwk.put("alg", "RS256");
            jwk.put("kid", kid);
            jwk.put("n", base64(unsigned(publicKey.getModulus())));
            jwk.put("e", base64(unsigned(publicKey.getPublicExponent())));
            jdbc.sql("INSERT INTO smart_signing_key (kid, private_key, public_jwk) VALUES (?, ?, ?)")
                    .params(kid, box.seal(PURPOSE, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded())),
                            JSON.writeValueAsString(jwk)).update();
            return new SigningKey(kid, pair.getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a signing key", e);
        }
    }

    private static PrivateKey privateKey(String pkcs8) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pkcs8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the stored signing key cannot be read", e);
        }
    }

    private static byte[] unsigned(BigInteger number) {
        byte[] bytes = number.toByteArray();
        return bytes.length > 1 && bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
