package org.musubi.security.internal.passkey;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.AttestedCredentialDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.verifier.exception.VerificationException;
import jakarta.servlet.http.HttpSession;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The two WebAuthn ceremonies: adding a passkey (creation options, then verifying the browser's attestation) and
 * using one (request options, then verifying the assertion). Options and responses are the WebAuthn Level 3 JSON forms
 * ({@code PublicKeyCredential.parseCreationOptionsFromJSON}, {@code toJSON()}). Each challenge is random, kept in the
 * HTTP session for one answer only. No attestation is asked for: the passkey is a second factor of an account whose
 * password and identity were proven already, not a statement about the authenticator's make.
 */
@Component
class PasskeyCeremonies {

    private static final String CREATE = "PASSKEY_CREATE_CHALLENGE";
    private static final String GET = "PASSKEY_GET_CHALLENGE";
    private static final List<PublicKeyCredentialParameters> ALGORITHMS = List.of(
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.ES256),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.RS256));
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private final ObjectConverter converter = new ObjectConverter();
    private final WebAuthnManager manager = WebAuthnManager.createNonStrictWebAuthnManager(converter);
    private final AttestedCredentialDataConverter attested = new AttestedCredentialDataConverter(converter);
    private final SecureRandom random = new SecureRandom();
    private final PasskeyStore store;

    PasskeyCeremonies(PasskeyStore store) {
        this.store = store;
    }

    PasskeyStore store() {
        return store;
    }

    /** A passkey the browser created, verified: what is stored of it. */
    record Created(byte[] credentialId, byte[] attestedData, long signCount) {
    }

    /** A passkey used, verified: which one and its new signature counter. */
    record Used(PasskeyStore.Stored passkey, long signCount) {
    }

    /** The passkey could not be verified (wrong challenge, origin, signature, unknown credential …). */
    static final class Refused extends Exception {
        Refused(String reason) {
            super(reason);
        }
    }

    String creationOptions(HttpSession session, RelyingParty rp, long userId, String name, String displayName,
                           List<PasskeyStore.Stored> existing) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("challenge", challenge(session, CREATE));
        options.put("rp", Map.of("id", rp.id(), "name", "Musubi"));
        options.put("user", Map.of("id", B64URL.encodeToString(ByteBuffer.allocate(8).putLong(userId).array()), "name", name,
                "displayName", displayName));
        options.put("pubKeyCredParams", ALGORITHMS.stream()
                .map(a -> Map.of("type", "public-key", "alg", a.getAlg().getValue())).toList());
        options.put("timeout", 120_000);
        options.put("excludeCredentials", descriptors(existing));
        options.put("authenticatorSelection", Map.of("residentKey", "preferred", "userVerification", "preferred"));
        options.put("attestation", "none");
        return converter.getJsonMapper().writeValueAsString(options);
    }

    Created verifyCreation(HttpSession session, RelyingParty rp, String responseJson) throws Refused {
        byte[] challenge = take(session, CREATE);
        try {
            RegistrationData data = manager.verifyRegistrationResponseJSON(responseJson,
                    new RegistrationParameters(server(rp, challenge), ALGORITHMS, false, true));
            AuthenticatorData<?> authenticator = data.getAttestationObject().getAuthenticatorData();
            AttestedCredentialData credential = authenticator.getAttestedCredentialData();
            return new Created(credential.getCredentialId(), attested.convert(credential), authenticator.getSignCount());
        } catch (RuntimeException e) {
            // webauthn4j's and Jackson's exceptions are unchecked: whatever a hostile body makes them throw is a refusal
            throw new Refused("passkey creation " + why(e));
        }
    }

    String requestOptions(HttpSession session, RelyingParty rp, List<PasskeyStore.Stored> allowed) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("challenge", challenge(session, GET));
        options.put("rpId", rp.id());
        options.put("timeout", 120_000);
        options.put("userVerification", "preferred");
        options.put("allowCredentials", descriptors(allowed));
        return converter.getJsonMapper().writeValueAsString(options);
    }

    /** Verifies an assertion by one of the passkeys {@code lookup} finds by credential id (the signed-in user's). */
    Used verifyUse(HttpSession session, RelyingParty rp, String responseJson,
                   Function<byte[], Optional<PasskeyStore.Stored>> lookup) throws Refused {
        byte[] challenge = take(session, GET);
        try {
            AuthenticationData parsed = manager.parseAuthenticationResponseJSON(responseJson);
            PasskeyStore.Stored passkey = lookup.apply(parsed.getCredentialId())
                    .orElseThrow(() -> new Refused("passkey not one of the user's"));
            CredentialRecordImpl record = new CredentialRecordImpl(new NoneAttestationStatement(), null, null, null,
                    passkey.signCount(), attested.convert(passkey.attestedData()), null, null, null, null);
            AuthenticationData data = manager.verifyAuthenticationResponseJSON(responseJson, new AuthenticationParameters(
                    server(rp, challenge), record, List.of(passkey.credentialId()), false, true));
            return new Used(passkey, data.getAuthenticatorData().getSignCount());
        } catch (RuntimeException e) {
            throw new Refused("passkey assertion " + why(e));
        }
    }

    /** What went wrong, in words for the audit trail (never a class name: the trail is shown on screens and exports). */
    private static String why(RuntimeException e) {
        return e instanceof VerificationException ? "not verified" : "malformed";
    }

    private static ServerProperty server(RelyingParty rp, byte[] challenge) throws Refused {
        if (challenge == null) {
            throw new Refused("no passkey challenge in this session");
        }
        return new ServerProperty(Origin.create(rp.origin()), rp.id(), new DefaultChallenge(challenge));
    }

    private static List<Map<String, Object>> descriptors(List<PasskeyStore.Stored> passkeys) {
        return passkeys.stream().map(p -> Map.<String, Object>of("type", "public-key",
                "id", B64URL.encodeToString(p.credentialId()))).toList();
    }

    private String challenge(HttpSession session, String key) {
        byte[] challenge = new byte[32];
        random.nextBytes(challenge);
        session.setAttribute(key, challenge);
        return B64URL.encodeToString(challenge);
    }

    private static byte[] take(HttpSession session, String key) {
        byte[] challenge = (byte[]) session.getAttribute(key);
        session.removeAttribute(key);
        return challenge;
    }
}
