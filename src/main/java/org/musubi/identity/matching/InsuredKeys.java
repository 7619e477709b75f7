package org.musubi.identity.matching;

import java.util.Base64;
import java.util.Collection;
import java.util.Objects;
import java.util.function.Function;
import org.musubi.identity.matching.compare.Agreement;

/**
 * Insured-person numbers as 名寄せ keeps them: never as written, only as keyed hashes (HMAC-SHA256 under a key derived
 * from the operator's secret key for this {@link #PURPOSE}, which the security module holds), so that a copy of the
 * database gives no one the numbers nor anything to test a guessed number against — the same care as a card's check
 * code. A {@link Key} holds the hash of the card ({@link InsuredNumber#cardKey()}) and, when the 枝番 is known, of the
 * person ({@link InsuredNumber#key()}).
 */
public final class InsuredKeys {

    /** What the key is derived for (followed by the normalised number), so that it is no other use's key. */
    public static final String PURPOSE = "musubi insured-person number v1\n";
    /** The prefix of the blocking key a patient with a number asks for: persons with a number on the same card. */
    public static final String BLOCKING_PREFIX = "H";
    private final Function<String, byte[]> keyedHash;

    /** @param keyedHash the keyed hash of {@link #PURPOSE} + a normalised number (at least 16 bytes) */
    public InsuredKeys(Function<String, byte[]> keyedHash) {
        this.keyedHash = Objects.requireNonNull(keyedHash);
    }

    public Key of(InsuredNumber number) {
        return new Key(hash(number.cardKey()), number.branch() == null ? null : hash(number.key()));
    }

    private String hash(String normalized) {
        byte[] mac = keyedHash.apply(PURPOSE + normalized);
        if (mac.length < 16) {
            throw new IllegalStateException("the keyed hash of insured numbers is too short: " + mac.length);
        }
        return Base64.getEncoder().withoutPadding().encodeToString(mac);
    }

    /**
     * How a patient's number compares with the numbers of a candidate person's patients: {@link Agreement#EXACT} when
     * one has the same card and 枝番; else {@link Agreement#FAMILY_MEMBER} when one has the same card with another
     * 枝番 (someone else in the family); else {@link Agreement#SAME_CARD} when one has the same card and either side
     * no 枝番 (the person, or a family member); else {@link Agreement#DISAGREE} (another insurance: people change
     * jobs, retire, move); {@link Agreement#MISSING} when either side has no number.
     */
    public static Agreement compare(Key patient, Collection<Key> person) {
        if (patient == null || person == null || person.isEmpty()) {
            return Agreement.MISSING;
        }
        Agreement best = Agreement.DISAGREE;
        for (Key other : person) {
            if (!patient.card().equals(other.card())) {
                continue;
            }
            if (patient.member() == null || other.member() == null) {
                best = best == Agreement.DISAGREE ? Agreement.SAME_CARD : best;
            } else if (patient.member().equals(other.member())) {
                return Agreement.EXACT;
            } else {
                best = Agreement.FAMILY_MEMBER;
            }
        }
        return best;
    }

    /**
     * The hashed number of one patient: {@code card} of insurer, 記号 and 番号; {@code member} of these and the 枝番,
     * {@code null} when the 枝番 is not known.
     */
    public record Key(String card, String member) {

        public Key {
            Objects.requireNonNull(card, "card");
        }

        /** The blocking key that finds the persons with a number on this card. */
        public String blockingKey() {
            return BLOCKING_PREFIX + card;
        }
    }
}
