/**
 * A research release's reading side (issue 48): the cohort's persons a chunk at a time, each as a minimal Patient (birth
 * date, sex, prefecture and municipality only) and their released resources with every reference to one of their
 * facilities' Patients pointed at it, handed to the de-identification pipeline by {@link
 * org.musubi.record.ReadRecords#released} and to nothing else.
 */
package org.musubi.record.release;
