/**
 * A research release's reading side (issue 48): the cohort's persons a chunk at a time, each as a minimal Patient (birth
 * date, sex, prefecture and municipality only) and their released resources with every reference to one of their
 * facilities' Patients pointed at it, handed by {@link
 * org.musubi.record.release.ReleaseCohort} to the sink it declares ({@link org.musubi.record.release.CohortSink}, implemented by the
 * de-identification pipeline, {@code deid}) and to nothing else.
 */
@NamedInterface("release")
package org.musubi.record.release;

import org.springframework.modulith.NamedInterface;
