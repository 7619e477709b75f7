package org.musubi.deid;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The project key's two uses (issue 48, deid): HMAC-SHA256 of ids and references, and a person's date shift derived
 * from an HMAC of the person key, so that every resource of a person moves by the same number of days and no one
 * without the project key can undo it.
 */
public final class DeidKeys {

    private final SecretKeySpec key;

    public DeidKeys(byte[] projectKey) {
        if (projectKey.length < 16) {
            throw new IllegalArgumentException("a project key has at least 16 bytes");
        }
        this.key = new SecretKeySpec(projectKey.clone(), "HmacSHA256");
    }

    private byte[] mac(String domain, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(domain.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** The hashed form of an id or reference: 64 hex digits (a valid FHIR id). */
    public String hash(String value) {
        return HexFormat.of().formatHex(mac("id", value));
    }

    /** The person's shift in days, within ±range and never 0. */
    public int shiftDays(String personKey, int range) {
        byte[] h = mac("dateshift", personKey);
        int n = ((h[0] & 0xff) << 24 | (h[1] & 0xff) << 16 | (h[2] & 0xff) << 8 | (h[3] & 0xff)) & 0x7fffffff;
        int shift = n % (2 * range) - range; // -range .. range-1
        return shift >= 0 ? shift + 1 : shift;
    }
}
