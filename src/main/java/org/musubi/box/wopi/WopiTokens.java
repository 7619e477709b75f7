package org.musubi.box.wopi;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.musubi.record.Reader;

/**
 * WOPI access tokens: what an online editor sends back on every call ({@code access_token}), bound to one user and one
 * Box file until an expiry ({@code access_token_ttl}). Signed, not stored (HMAC-SHA256 under a key derived from the
 * operator's secret key), so that any node and a read-only standby check them alike; a random part makes each one
 * unguessable and unlike any other. A token grants nothing by itself: every call checks Box's rules again. A token is
 * a credential: it is never logged nor audited.
 */
public final class WopiTokens {

    private static final byte FORMAT = 1;
    private static final int PAYLOAD = 1 + 16 + 8 + 8 + 4 + 8 + 16;
    private static final int MAC = 32;
    private final SecretKeySpec key;
    private final Clock clock;
    private final Duration ttl;
    private final SecureRandom random = new SecureRandom();

    public WopiTokens(byte[] key, Clock clock, Duration ttl) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the WOPI token key must be at least 32 bytes");
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("musubi.box.wopi.token-ttl must be longer than zero");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
        this.clock = clock;
        this.ttl = ttl;
    }

    /**
     * What a token grants: {@code user}, acting for {@code facility}, on {@code file} until {@code expires}, while the
     * account's session epoch is still {@code epoch} (an account whose sessions were ended loses its tokens too).
     */
    public record Grant(UUID file, long user, Long facility, int epoch, Instant expires) {
        public Reader reader() {
            return new Reader(user, facility);
        }
    }

    /** A token as handed to the editor: the token and {@code access_token_ttl} (its expiry, ms since the epoch). */
    public record Issued(String token, long ttlMillis) {
        @Override
        public String toString() {
            return "Issued[token=(secret), ttlMillis=" + ttlMillis + "]";
        }
    }

    public Issued issue(UUID file, long user, Long facility, int epoch) {
        Instant expires = clock.instant().plus(ttl);
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        ByteBuffer payload = ByteBuffer.allocate(PAYLOAD + MAC).put(FORMAT)
                .putLong(file.getMostSignificantBits()).putLong(file.getLeastSignificantBits())
                .putLong(user).putLong(facility == null ? -1 : facility).putInt(epoch).putLong(expires.toEpochMilli())
                .put(nonce);
        payload.put(mac(payload.array(), PAYLOAD));
        return new Issued(Base64.getUrlEncoder().withoutPadding().encodeToString(payload.array()),
                expires.toEpochMilli());
    }

    /** What the token grants; empty when it is malformed, not signed with this key, or expired. */
    public Optional<Grant> verify(String token) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        byte[] all;
        try {
            all = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        if (all.length != PAYLOAD + MAC || all[0] != FORMAT) {
            return Optional.empty();
        }
        byte[] given = new byte[MAC];
        System.arraycopy(all, PAYLOAD, given, 0, MAC);
        if (!MessageDigest.isEqual(given, mac(all, PAYLOAD))) {
            return Optional.empty();
        }
        ByteBuffer in = ByteBuffer.wrap(all, 1, PAYLOAD - 1);
        UUID file = new UUID(in.getLong(), in.getLong());
        long user = in.getLong();
        long facility = in.getLong();
        int epoch = in.getInt();
        Instant expires = Instant.ofEpochMilli(in.getLong());
        if (!expires.isAfter(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(new Grant(file, user, facility < 0 ? null : facility, epoch, expires));
    }

    private byte[] mac(byte[] bytes, int length) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(bytes, 0, length);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
