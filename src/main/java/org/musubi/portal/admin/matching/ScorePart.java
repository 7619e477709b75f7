package org.musubi.portal.admin.matching;

import java.util.ArrayList;
import java.util.List;

/**
 * One field's part of a match score, read back from the breakdown the matcher stored
 * ({@code "BIRTH_DATE EXACT +14.8; SEX EXACT +1.0"}), for the review page to show by its labels.
 *
 * @param field  a match field's code ({@code BIRTH_DATE})
 * @param level  how far the field agreed ({@code EXACT})
 * @param weight the bits it added, signed as stored ({@code +14.8})
 */
record ScorePart(String field, String level, String weight) {

    /** The parts of a stored breakdown, in its order; a part that does not read as three words is kept whole as its field. */
    static List<ScorePart> of(String breakdown) {
        List<ScorePart> parts = new ArrayList<>();
        if (breakdown == null) {
            return parts;
        }
        for (String part : breakdown.split(";")) {
            String[] words = part.strip().split("\\s+");
            if (words.length == 3) {
                parts.add(new ScorePart(words[0], words[1], words[2]));
            } else if (!part.isBlank()) {
                parts.add(new ScorePart(part.strip(), null, ""));
            }
        }
        return parts;
    }
}
