package org.musubi.identity.matching.compare;

import org.musubi.identity.matching.normalize.KanaNormalizer;
import org.musubi.identity.matching.normalize.KanjiNormalizer;

/**
 * Compares one name part (family or given) written in kanji and kana:
 * {@link Agreement#EXACT} when the normalised kana agree and so do the kanji (or one side has no
 * kanji), or when there is no kana and the kanji agree; {@link Agreement#SAME_READING} when the
 * kana agree but the kanji differ (伊藤/伊東); {@link Agreement#CLOSE} when the kana are close
 * (Jaro-Winkler ≥ 0.92) or the kanji agree and the kana do not (a misread or mistyped reading);
 * otherwise {@link Agreement#DISAGREE}, or {@link Agreement#MISSING} when a side has neither.
 */
public final class NameComparator {

    static final double CLOSE_SIMILARITY = 0.92;

    private NameComparator() {
    }

    public static Agreement compare(String kanjiA, String kanaA, String kanjiB, String kanaB) {
        return compareNormalized(KanjiNormalizer.normalize(kanjiA), KanaNormalizer.normalize(kanaA),
                KanjiNormalizer.normalize(kanjiB), KanaNormalizer.normalize(kanaB));
    }

    /** As {@link #compare}, for values already normalised by {@link KanjiNormalizer} and {@link KanaNormalizer}. */
    public static Agreement compareNormalized(String kanjiA, String kanaA, String kanjiB, String kanaB) {
        boolean bothKana = !kanaA.isEmpty() && !kanaB.isEmpty();
        boolean bothKanji = !kanjiA.isEmpty() && !kanjiB.isEmpty();
        boolean sameKanji = bothKanji && kanjiA.equals(kanjiB);
        if (bothKana && kanaA.equals(kanaB)) {
            return !bothKanji || sameKanji ? Agreement.EXACT : Agreement.SAME_READING;
        }
        if (!bothKana) {
            return !bothKanji ? Agreement.MISSING : sameKanji ? Agreement.EXACT : Agreement.DISAGREE;
        }
        if (sameKanji || JaroWinkler.similarity(kanaA, kanaB) >= CLOSE_SIMILARITY) {
            return Agreement.CLOSE;
        }
        return Agreement.DISAGREE;
    }
}
