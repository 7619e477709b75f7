package org.musubi.phr.checkups;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.musubi.phr.vitals.VitalObservations;

/**
 * A paper checkup result as the resident typed it: the day, the place (free text; null when not given) and the key
 * values they typed (any of them), BMI computed from the height and weight when both are there.
 */
public record PaperEntry(LocalDate date, String place, Map<PaperItem, BigDecimal> values) {

    public PaperEntry {
        EnumMap<PaperItem, BigDecimal> copy = new EnumMap<>(PaperItem.class);
        copy.putAll(values);
        if (copy.containsKey(PaperItem.HEIGHT) && copy.containsKey(PaperItem.WEIGHT)) {
            copy.put(PaperItem.BMI, VitalObservations.bmi(copy.get(PaperItem.WEIGHT),
                    copy.get(PaperItem.HEIGHT)));
        } else {
            copy.remove(PaperItem.BMI);
        }
        values = Collections.unmodifiableMap(copy);
    }
}
