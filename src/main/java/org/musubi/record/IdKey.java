package org.musubi.record;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The installation's key for the ids Musubi derives from what identifies a resource at its source (imported
 * records, directory resources, document Bundles and their entries, JAHIS patients' local ids). A derived id
 * is the HMAC-SHA256 of the same inputs as before under a secret of 32 random bytes, made once per
 * installation by migration V22 (table {@code id_key}, carried by backups), so that nobody without the
 * database can tell an id before the server makes it.
 *
 * <p>An installation that already held data when V22 ran keeps the public derivations ({@link Scheme#LEGACY}):
 * imports are idempotent by id, so a record sent again must get the ids it got before (docs/upgrading.md).
 */
public final class IdKey {

    /** How ids are derived: as before V22 (public inputs only) or keyed with the secret. */
    public enum Scheme { LEGACY, KEYED }

    private static final Pattern UUID_SHAPE = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final String HMAC = "HmacSHA256";
    private final Scheme scheme;
    private final SecretKeySpec secret;
    /** A Mac per thread: making one looks up the provider, which costs more than the HMAC of an id. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    public IdKey(Scheme scheme, byte[] secret) {
        this.scheme = Objects.requireNonNull(scheme, "scheme");
        if (secret == null || secret.length != 32) {
            throw new IllegalArgumentException("an id key is 32 bytes");
        }
        this.secret = new SecretKeySpec(secret.clone(), HMAC);
    }

    /** A key with a fresh random secret (for reading files outside an import, and tests). */
    public static IdKey random(Scheme scheme) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new IdKey(scheme, secret);
    }

    public Scheme scheme() {
        return scheme;
    }

    public boolean legacy() {
        return scheme == Scheme.LEGACY;
    }

    /**
     * The id derived from {@code name}: keyed, {@link #keyedUuid}; legacy, the name-based UUID (version 3, MD5) that
     * Musubi made before V22.
     */
    public String uuid(String name) {
        return legacy() ? UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString() : keyedUuid(name);
    }

    /** The HMAC of {@code name} as a UUID ({@link #uuidOf}), whatever the scheme: for ids that never had a public form. */
    public String keyedUuid(String name) {
        return uuidOf(mac(name));
    }

    /** HMAC-SHA256 of the text (UTF-8) under the secret. */
    public byte[] mac(String text) {
        return macs.get().doFinal(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The first 128 bits of a hash as a UUID string: version 8 (RFC 9562's custom layout) and the RFC 4122
     * variant, so 122 bits of the hash remain.
     */
    public static String uuidOf(byte[] hash) {
        ByteBuffer bits = ByteBuffer.wrap(hash);
        long high = bits.getLong() & ~0xF000L | 0x8000L;
        long low = bits.getLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    /**
     * Whether {@code id} has the form of the ids the server makes: a UUID, in any case. A client may update its
     * own resource under such an id but never create one under it (update-as-create): these ids are the server's.
     */
    public static boolean serverShaped(String id) {
        return id != null && UUID_SHAPE.matcher(id).matches();
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(secret);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HMAC-SHA256", e);
        }
    }

    @Override
    public String toString() {
        return "IdKey[" + scheme + "]";
    }
}
