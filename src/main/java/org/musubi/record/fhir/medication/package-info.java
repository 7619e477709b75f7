/**
 * The one reading of what a person takes: each stored prescription, dispensing, administration and facility's note
 * of medicines as a course with its days ({@link org.musubi.record.fhir.medication.MedicationCourse}: the only reader
 * of a medication's supply and period), which inpatient stays are open ({@link
 * org.musubi.record.fhir.medication.OpenStays}), and from those the current medication — one line per ingredient and
 * strength with its newest source — and the history apart ({@link
 * org.musubi.record.fhir.medication.CurrentMedication}). The viewer's お薬, the letter composer, the crews' dataset,
 * {@code $summary}, the JP-CLINS 処方 item and the resident's わたしのお薬 read through it. A named interface beside
 * {@code record.fhir}.
 */
@NamedInterface("medication")
package org.musubi.record.fhir.medication;

import org.springframework.modulith.NamedInterface;
