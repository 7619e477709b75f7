package org.musubi.phr.vitals;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One value of a measure as the resident sees it: when (the start of the day for steps), the value in the measure's
 * unit, which facility's data it is (the notebook's own facility for what the resident recorded) and the resource.
 */
public record VitalReading(Vital vital, Instant at, BigDecimal value, long sourceFacilityId, String resourceId) {
}
