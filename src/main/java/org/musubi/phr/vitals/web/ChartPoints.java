package org.musubi.phr.vitals.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.musubi.phr.vitals.Vital;
import org.musubi.phr.vitals.VitalReading;

/**
 * The values of a chart, oldest first, each marked when it follows a gap: more than the range's gap since the previous
 * value of the same measure, where the chart's line breaks. The table under the chart is the chart's data.
 */
record ChartPoints(VitalReading reading, boolean afterGap) {

    static List<ChartPoints> of(List<VitalReading> readings, Duration gap) {
        Map<Vital, Instant> previous = new EnumMap<>(Vital.class);
        List<ChartPoints> points = new ArrayList<>(readings.size());
        for (VitalReading reading : readings) {
            Instant before = previous.put(reading.vital(), reading.at());
            points.add(new ChartPoints(reading, before != null && Duration.between(before, reading.at()).compareTo(gap) > 0));
        }
        return points;
    }
}
