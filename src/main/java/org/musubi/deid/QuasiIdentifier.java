package org.musubi.deid;

import java.util.List;

/**
 * A quasi-identifier with its generalisation hierarchy (issue 48, deid): level 0 is the value as the extraction
 * first cuts it, each level coarser, the last one "*" (the value withheld).
 */
public enum QuasiIdentifier {
    /** Age in whole years: bands of 5, 10, 20 years. */
    AGE("age band", List.of("5 years", "10 years", "20 years", "withheld")),
    /** Administrative sex. */
    SEX("sex", List.of("as recorded", "withheld")),
    /** "prefecture/municipality": municipality, prefecture. */
    MUNICIPALITY("municipality", List.of("municipality", "prefecture", "withheld")),
    /** The month of the person's first event (YYYY-MM): month, quarter, year. */
    EVENT_MONTH("event month", List.of("month", "quarter", "year", "withheld"));

    private final String label;
    private final List<String> levels;

    QuasiIdentifier(String label, List<String> levels) {
        this.label = label;
        this.levels = levels;
    }

    public String label() {
        return label;
    }

    /** The highest level (where the value is withheld). */
    public int maxLevel() {
        return levels.size() - 1;
    }

    /** The level's name for reports ("10 years"). */
    public String levelName(int level) {
        return levels.get(level);
    }

    /** The raw value generalised to a level; "*" when withheld or unknown. */
    public String generalize(String raw, int level) {
        if (raw == null || raw.isEmpty() || level >= maxLevel()) {
            return "*";
        }
        return switch (this) {
            case AGE -> {
                int age;
                try {
                    age = Integer.parseInt(raw);
                } catch (NumberFormatException e) {
                    yield "*";
                }
                int width = level == 0 ? 5 : level == 1 ? 10 : 20;
                int low = age - Math.floorMod(age, width);
                yield low + "-" + (low + width - 1);
            }
            case SEX -> raw;
            case MUNICIPALITY -> level == 0 || raw.indexOf('/') < 0 ? raw : raw.substring(0, raw.indexOf('/'));
            case EVENT_MONTH -> {
                if (raw.length() < 7) {
                    yield raw.length() >= 4 && level >= 2 ? raw.substring(0, 4) : "*";
                }
                yield switch (level) {
                    case 0 -> raw.substring(0, 7);
                    case 1 -> raw.substring(0, 4) + "-Q" + ((Integer.parseInt(raw.substring(5, 7)) - 1) / 3 + 1);
                    default -> raw.substring(0, 4);
                };
            }
        };
    }
}
