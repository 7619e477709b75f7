package org.musubi.synth.sources;

import java.util.Map;

/**
 * The usages of the synthetic drugs as JAMI standard 16-digit usage codes (JAMISDP01), with the
 * texts SS-MIX2 (TQ1-3) and JAHIS (record 301) show. The 1日2回 and 1日3回 codes are those of the
 * SS-MIX2 samples; the others follow their layout (digit 4 times a day, digits 5–8 waking,
 * morning, noon and evening, 4 = after meals). A weekly drug adds the 8-character weekday code.
 * Keyed by the usage part of a drug's dosage text, e.g. {@code 1日2回 朝夕食後}.
 */
public record JamiUsage(String code, String codeText, String text, String weekdayCode, String weekdayText) {

    private static final Map<String, JamiUsage> BY_DOSE = Map.of(
            "1日2回 朝夕食後", daily("1012040400000000", "内服・経口・１日２回朝夕食後", "1日2回朝夕食後"),
            "1日1回 朝食後", daily("1011040000000000", "内服・経口・１日１回朝食後", "1日1回朝食後"),
            "1日1回 夕食後", daily("1011000400000000", "内服・経口・１日１回夕食後", "1日1回夕食後"),
            "週1回 起床時", new JamiUsage("1011100000000000", "内服・経口・１日１回起床時", "週1回起床時（月曜日）",
                    "W0100000", "月曜日"));

    private static JamiUsage daily(String code, String codeText, String text) {
        return new JamiUsage(code, codeText, text, null, null);
    }

    /** The usage of a dosage text such as {@code 1回1錠 1日2回 朝夕食後}. */
    public static JamiUsage of(String dose) {
        JamiUsage usage = BY_DOSE.get(dose.substring(dose.indexOf(' ') + 1));
        if (usage == null) {
            throw new IllegalArgumentException("no JAMI usage code for: " + dose);
        }
        return usage;
    }

    public boolean weekly() {
        return weekdayCode != null;
    }

    /** Doses in a prescription of {@code days} days: one a day, or one a week. */
    public int doses(int days) {
        return weekly() ? Math.max(1, days / 7) : days;
    }
}
