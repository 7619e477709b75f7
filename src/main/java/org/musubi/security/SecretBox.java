package org.musubi.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts small secrets at rest (TOTP secrets; browser sessions' attributes) with AES-256-GCM under the operator's key. Sealed
 * text is {@code v1:} + base64(12-byte nonce + ciphertext + tag); the purpose is bound as
 * associated data, so a sealed value cannot be moved to another use. Tampering fails to open. Other uses of the
 * operator's key get keys of their own from {@link #derive}, never the encryption key itself.
 */
public final class SecretBox {

    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String CIPHER = "AES/GCM/NoPadding";
    /**
     * The JCA provider of {@link #CIPHER}, found once: asking for the cipher by name alone walks the provider list on
     * every call, and every browser request opens its session's attributes (about half of this class's time in the
     * attacker suite's profile, bench/README.md "Stop 63").
     */
    private static final Provider PROVIDER = provider();
    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public SecretBox(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("the secret key must be 32 bytes (256 bits), it is " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    public static byte[] newKey(SecureRandom random) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return key;
    }

    /**
     * A 32-byte key for another use, derived from this one: HMAC-SHA256 of {@code purpose} under it. The same key and
     * purpose always give the same key; knowing a derived key tells nothing of this one nor of another purpose's.
     */
    public byte[] derive(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    public String seal(String purpose, String plain) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, purpose, nonce, plain.getBytes(StandardCharsets.UTF_8));
        return PREFIX + Base64.getEncoder().encodeToString(
                ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array());
    }

    public String open(String purpose, String sealedText) {
        if (sealedText == null || !sealedText.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a sealed secret");
        }
        byte[] all = Base64.getDecoder().decode(sealedText.substring(PREFIX.length()));
        ByteBuffer buffer = ByteBuffer.wrap(all);
        byte[] nonce = new byte[NONCE_BYTES];
        buffer.get(nonce);
        byte[] sealed = new byte[buffer.remaining()];
        buffer.get(sealed);
        return new String(crypt(Cipher.DECRYPT_MODE, purpose, nonce, sealed), StandardCharsets.UTF_8);
    }

    /** Bytes sealed as {@link #seal} seals text: 12-byte nonce + ciphertext + tag, {@code purpose} bound. */
    public byte[] sealBytes(String purpose, byte[] plain) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, purpose, nonce, plain);
        return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
    }

    /** What {@link #sealBytes} sealed for {@code purpose}; throws if altered, sealed for another purpose or key. */
    public byte[] openBytes(String purpose, byte[] sealed) {
        if (sealed == null || sealed.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new IllegalArgumentException("not sealed bytes");
        }
        return crypt(Cipher.DECRYPT_MODE, purpose, Arrays.copyOf(sealed, NONCE_BYTES),
                Arrays.copyOfRange(sealed, NONCE_BYTES, sealed.length));
    }

    private static Provider provider() {
        try {
            return Cipher.getInstance(CIPHER).getProvider();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java has no " + CIPHER, e);
        }
    }

    private byte[] crypt(int mode, String purpose, byte[] nonce, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance(CIPHER, PROVIDER);
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("secret could not be " + (mode == Cipher.ENCRYPT_MODE ? "sealed" : "opened")
                    + " (wrong key or altered value)", e);
        }
    }

    /**
     * A server started with another secret key than the one its database was first used with (issue 66): every node of a
     * network must hold the same key, or the second factors, browser sessions and card check codes made on one node fail
     * on another. The database keeps the key's fingerprint; a node whose key gives another refuses to start. Its message
     * is the one line a person reads (Japanese, then English): which key this node has, and what to do.
     */
    public static final class KeyMismatch extends IllegalStateException {

        /**
         * @param keySource  where this node's key came from, as an operator names it (the variable or the file)
         * @param madeNow    whether that key file was made just now, because no key was given
         * @param recordedAt when the database recorded the fingerprint of its key
         */
        public KeyMismatch(String keySource, boolean madeNow, Instant recordedAt) {
            super("秘密鍵（" + keySource + (madeNow ? "、鍵が与えられなかったため今作成したもの" : "") + "）が、このデータベースで "
                    + recordedAt + " から使われている鍵と違うため起動しません。ほかのノードと同じ鍵を環境変数 MUSUBI_SECRET_KEY"
                    + " で与えるか、最初のノードの鍵ファイルを musubi.security.secret-key-file の場所に置いてから起動してください"
                    + " / The secret key (" + keySource + (madeNow ? ", made just now because no key was given" : "")
                    + ") is not the key this database has been used with since " + recordedAt + ", so this node does not"
                    + " start: give it the same key as the other nodes, in the environment variable MUSUBI_SECRET_KEY or as"
                    + " the first node's key file at musubi.security.secret-key-file, and start it again");
        }
    }
}
