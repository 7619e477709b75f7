/**
 * The resident's checkup results in the health notebook (健診結果, issue 25 item 4): every checkup of every checkup
 * centre (the 特定健診 import's DiagnosticReports and Observations, and any report a checkup centre sent), newest first,
 * with reference ranges and high/low flags, grouped as the standard form groups them ({@link
 * org.musubi.phr.checkups.CheckupGroup}), and each item's values across the years ({@link
 * org.musubi.phr.checkups.CheckupTrend}); read through the access policy's self access ({@link
 * org.musubi.phr.checkups.ReadCheckups}). A paper result the resident photographs and types in ({@link
 * org.musubi.phr.checkups.PaperForm}, {@link org.musubi.phr.checkups.RecordPaperCheckup}) is stored as FHIR under their
 * own source patient at the notebook's facility, with the same item codes, so that it is listed and trended with the
 * rest, marked as entered by the resident. Plain Java but for its configuration; its pages are in {@code web}.
 */
package org.musubi.phr.checkups;
