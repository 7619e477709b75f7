/**
 * The machinery behind the duplicate-medication checks of {@link org.musubi.medication.MedicationChecks}:
 * the sweep that finds overlapping entries and merges refills into one finding. Private to the medication module.
 */
package org.musubi.medication.checks;
