package org.musubi.synth.population;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** A written form and its full-width katakana reading, e.g. 佐藤 / サトウ. */
public record Reading(String kanji, String kana) {

    public Reading then(Reading next) {
        return new Reading(kanji + next.kanji, kana + next.kana);
    }

    public Reading then(String nextKanji, String nextKana) {
        return new Reading(kanji + nextKanji, kana + nextKana);
    }

    /** Parses whitespace-separated pairs: "佐藤 サトウ 鈴木 スズキ". */
    public static List<Reading> list(String pairs) {
        String[] words = pairs.strip().split("\\s+");
        if (words.length % 2 != 0) {
            throw new IllegalArgumentException("unpaired reading in: " + pairs);
        }
        List<Reading> readings = new ArrayList<>(words.length / 2);
        for (int i = 0; i < words.length; i += 2) {
            readings.add(new Reading(words[i], words[i + 1]));
        }
        return List.copyOf(readings);
    }

    public static Reading pick(List<Reading> readings, SplittableRandom random) {
        return readings.get(random.nextInt(readings.size()));
    }
}
