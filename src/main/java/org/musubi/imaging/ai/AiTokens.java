package org.musubi.imaging.ai;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The two tokens a work item gives its AI service, both HMAC-SHA256 under a key of the installation's secret
 * ({@code SecretBox.derive("ai-work-item")}), so nothing about them is stored:
 * <ul>
 * <li>the pixel token {@code <workItemId>.<expiresEpochSecond>.<mac>}: the MAC covers the work item, the study's UID
 * and the expiry, so the scoped DICOMweb route serves that one study until then and nothing else (another study's UID,
 * an altered expiry or work item id, an expired or guessed token: all answer as not found);</li>
 * <li>the callback token {@code <mac>}: the MAC covers the work item and its service, so a service cannot post
 * findings for another service's work item, nor with another work item's token.</li>
 * </ul>
 * Comparison is in constant time.
 */
public final class AiTokens {

    /** How long a pixel token serves its study: the service fetches the pixels soon after it is sent the work item. */
    public static final Duration PIXEL_LIFETIME = Duration.ofHours(1);

    private final byte[] key;

    public AiTokens(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("an AI token key has at least 32 bytes");
        }
        this.key = key.clone();
    }

    /** A pixel token for work item {@code workItemId} and study {@code studyUid}, valid until {@code expires}. */
    public String pixelToken(long workItemId, String studyUid, Instant expires) {
        long until = expires.getEpochSecond();
        return workItemId + "." + until + "." + mac("pixels|" + workItemId + "|" + studyUid + "|" + until);
    }

    /**
     * The work item {@code token} lets its holder read study {@code studyUid} at {@code now}; empty when the token is
     * ill-formed, guessed, of another study, or expired.
     */
    public OptionalLong pixelWorkItem(String token, String studyUid, Instant now) {
        if (token == null || studyUid == null || token.length() > 200) {
            return OptionalLong.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || !parts[0].matches("[0-9]{1,18}") || !parts[1].matches("[0-9]{1,18}")) {
            return OptionalLong.empty();
        }
        long workItemId = Long.parseLong(parts[0]);
        long until = Long.parseLong(parts[1]);
        if (!same(parts[2], mac("pixels|" + workItemId + "|" + studyUid + "|" + until))
                || now.getEpochSecond() > until) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(workItemId);
    }

    /** The callback token of work item {@code workItemId} of service {@code serviceId}. */
    public String callbackToken(long workItemId, long serviceId) {
        return mac("callback|" + workItemId + "|" + serviceId);
    }

    /** Whether {@code token} is the callback token of work item {@code workItemId} of service {@code serviceId}. */
    public boolean callbackAccepted(String token, long workItemId, long serviceId) {
        return token != null && token.length() <= 100 && same(token, callbackToken(workItemId, serviceId));
    }

    private String mac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static boolean same(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
