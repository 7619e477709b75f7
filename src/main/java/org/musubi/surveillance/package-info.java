/**
 * Daily infection surveillance (issue 48): each facility reports counts per syndrome and day on a one-minute form;
 * the public-health office ({@code FacilityKind.PUBLIC_HEALTH_CENTER}) sees counts per municipality and day against a
 * baseline of the last 8 weeks ({@link org.musubi.surveillance.Baseline}), with an alert when a syndrome's threshold
 * is crossed, charts and a CSV. Counts only: nothing here names or reads a patient. Everyone else sees small counts
 * suppressed. {@code jdbc} is its store, {@code web} its pages; the demo seeds a rising syndrome through
 * {@link org.musubi.surveillance.SurveillanceDemo}.
 */
package org.musubi.surveillance;
