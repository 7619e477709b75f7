package org.musubi.consent;

import java.text.Normalizer;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.musubi.identity.cards.CardNumber;

/**
 * The one throttle on proving a card (its number and check code, or its QR code), wherever it is proved: at a
 * facility's counter when linking (連携), or at the health notebook's registration. Failures are counted per card
 * number <i>as typed</i> — whether or not any card has it, so that the throttle's answer never tells a real number from
 * a made-up one — within the place they were made ({@link #atFacility}, {@link #PHR_REGISTRATION}), so that one
 * facility's failures do not stop the card's holder at another, and across all places as a backstop against guessing
 * spread over many ({@link ConsentProperties}). The same answer, {@link #refused}, whatever the number.
 */
public final class CardProofThrottle {

    /** The place of a notebook registration: anonymous, before any account. */
    public static final String PHR_REGISTRATION = "phr-registration";
    private static final int MAX_KEY = 64;
    private final RefusedAttempts failures;
    private final ConsentProperties limits;

    public CardProofThrottle(RefusedAttempts failures, ConsentProperties limits) {
        this.failures = failures;
        this.limits = limits;
    }

    /** The place of a proof at a facility's counter. */
    public static String atFacility(long facilityId) {
        return "facility:" + facilityId;
    }

    /**
     * What a typed card is counted under: its number when it reads as one (typed or from a QR code), otherwise the text
     * as typed (full-width made narrow, without spaces and hyphens, at most 64 characters); null when nothing was typed.
     */
    public static String key(String typed) {
        Optional<CardNumber> read = CardNumber.read(typed);
        if (read.isPresent()) {
            return read.get().number();
        }
        if (typed == null) {
            return null;
        }
        String text = Normalizer.normalize(typed, Normalizer.Form.NFKC).strip().toUpperCase(Locale.ROOT)
                .replaceAll("[\\s\\-ー]", "");
        return text.isEmpty() ? null : text.length() > MAX_KEY ? text.substring(0, MAX_KEY) : text;
    }

    /**
     * Whether a proof of this card here must be refused now: too many failures with this number here, or everywhere, or
     * (for a signed-in user) by this user.
     */
    public boolean refused(String typed, String scope, Long userId, Instant now) {
        String key = key(typed);
        if (userId != null && failures.byUser(RefusedAttempts.Kind.LINK, userId, now.minus(limits.linkUserWindow()))
                >= limits.linkMaxFailuresPerUser()) {
            return true;
        }
        if (key == null) {
            return false;
        }
        Instant since = now.minus(limits.linkCardWindow());
        return failures.byKeyIn(RefusedAttempts.Kind.LINK, key, scope, since) >= limits.linkMaxFailuresPerCard()
                || failures.byKey(RefusedAttempts.Kind.LINK, key, since) >= limits.linkMaxFailuresPerCardNetwork();
    }

    /** Counts one failed proof of this card here. */
    public void failed(String typed, String scope, Long userId, Instant now) {
        failures.record(RefusedAttempts.Kind.LINK, key(typed), scope, userId, now);
    }
}
