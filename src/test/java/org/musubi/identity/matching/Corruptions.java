package org.musubi.identity.matching;

import org.musubi.identity.Person;
import org.musubi.synth.Corruption;
import org.musubi.synth.SourceRecordCorruptions;

/**
 * Realistic registration errors to inject into a person's demographics, as a facility would send
 * them: the kinds of {@link Corruption}, applied by synth's {@link SourceRecordCorruptions}.
 * Deterministic for a seed. A kind that cannot apply (a man's marriage, a swap of a day above 12)
 * leaves the demographics unchanged.
 */
final class Corruptions {

    enum Kind {
        NONE, KANA_WIDTH, LONG_VOWEL, KANJI_VARIANT, KANA_TYPO, DAY_MONTH_SWAP, BIRTH_DATE_DIGIT,
        MISSING_PHONE, PHONE_TYPO, MOVED, MARRIED, ADDRESS_STYLE
    }

    private final SourceRecordCorruptions corruptions;

    Corruptions(long seed) {
        this.corruptions = new SourceRecordCorruptions(seed);
    }

    /** The person's demographics with one error of the given kind; {@code donor} lends a new home or surname. */
    Demographics apply(Kind kind, Demographics d, Person donor) {
        return corruptions.apply(Corruption.valueOf(kind.name()), d, donor);
    }
}
