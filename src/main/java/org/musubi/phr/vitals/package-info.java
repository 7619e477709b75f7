/**
 * The resident's own vital signs in the health notebook (issue 25): quick entry of one or several measures, checked
 * for plausibility ({@link org.musubi.phr.vitals.Plausibility}), stored as FHIR Observations under the resident's own
 * source patient at the notebook's facility ({@link org.musubi.phr.vitals.RecordVitals}, {@link
 * org.musubi.phr.vitals.VitalObservations}), read back from every source of the person ({@link
 * org.musubi.phr.vitals.ReadVitals}) for charts, and exported and imported as CSV ({@link
 * org.musubi.phr.vitals.VitalsCsv}). Plain Java but for its configuration; its pages are in {@code web}.
 */
@NamedInterface("vitals")
package org.musubi.phr.vitals;

import org.springframework.modulith.NamedInterface;
