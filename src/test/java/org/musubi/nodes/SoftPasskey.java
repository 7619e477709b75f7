package org.musubi.nodes;

import com.webauthn4j.converter.AttestedCredentialDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A passkey held in the test, as a phone's authenticator holds one: an ES256 key pair whose public part is stored for a
 * user as enrolment would store it, and assertions signed for a challenge and origin (WebAuthn Level 3 JSON form, user
 * present and verified, the signature counter rising).
 */
final class SoftPasskey {

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final ObjectConverter CONVERTER = new ObjectConverter();
    private final KeyPair keys;
    private final byte[] credentialId;
    private int counter;

    private SoftPasskey(KeyPair keys, byte[] credentialId) {
        this.keys = keys;
        this.credentialId = credentialId;
    }

    /** A new key pair, stored as a passkey of {@code userId} (what {@code /phr/passkeys} keeps after a creation). */
    static SoftPasskey enrol(JdbcClient jdbc, long userId) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        byte[] credentialId = MessageDigest.getInstance("SHA-256").digest(keys.getPublic().getEncoded());
        AttestedCredentialData attested = new AttestedCredentialData(AAGUID.ZERO, credentialId,
                EC2COSEKey.create((ECPublicKey) keys.getPublic(), COSEAlgorithmIdentifier.ES256));
        jdbc.sql("INSERT INTO passkey (user_id, credential_id, attested_data, label) VALUES (?, ?, ?, 'ソフトウェア認証器')")
                .params(userId, credentialId, new AttestedCredentialDataConverter(CONVERTER).convert(attested)).update();
        return new SoftPasskey(keys, credentialId);
    }

    /** The assertion for the request options' challenge, signed for {@code origin} (scheme://host:port) and its host. */
    String assertion(String optionsJson, String origin) throws Exception {
        String challenge = CONVERTER.getJsonMapper().readValue(optionsJson, Map.class).get("challenge").toString();
        String rpId = java.net.URI.create(origin).getHost();
        byte[] clientData = ("{\"type\":\"webauthn.get\",\"challenge\":\"" + challenge + "\",\"origin\":\"" + origin
                + "\",\"crossOrigin\":false}").getBytes(StandardCharsets.UTF_8);
        byte[] authenticatorData = ByteBuffer.allocate(37)
                .put(MessageDigest.getInstance("SHA-256").digest(rpId.getBytes(StandardCharsets.UTF_8)))
                .put((byte) 0x05).putInt(++counter).array();
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(keys.getPrivate());
        signer.update(authenticatorData);
        signer.update(MessageDigest.getInstance("SHA-256").digest(clientData));
        String id = B64URL.encodeToString(credentialId);
        return "{\"id\":\"" + id + "\",\"rawId\":\"" + id + "\",\"type\":\"public-key\",\"authenticatorAttachment\":\"platform\","
                + "\"response\":{\"clientDataJSON\":\"" + B64URL.encodeToString(clientData) + "\",\"authenticatorData\":\""
                + B64URL.encodeToString(authenticatorData) + "\",\"signature\":\"" + B64URL.encodeToString(signer.sign())
                + "\"},\"clientExtensionResults\":{}}";
    }
}
