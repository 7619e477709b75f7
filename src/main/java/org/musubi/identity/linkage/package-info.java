/**
 * Record linkage (名寄せ) of received source patients with the {@link org.musubi.identity.matching matcher}:
 * one at a time ({@link org.musubi.identity.linkage.MatchSourcePatient}) or a whole import batch
 * ({@link org.musubi.identity.linkage.MatchSourcePatients} over {@link org.musubi.identity.linkage.IdentityBatches});
 * a sure match is linked, a patient nobody resembles becomes a new person, and an uncertain one waits in
 * the operators' review queue ({@link org.musubi.identity.linkage.MatchReviews},
 * {@link org.musubi.identity.linkage.DecideReview}). A named interface: the FHIR API and the imports
 * match what they receive, the portal decides reviews.
 */
@NamedInterface("linkage")
package org.musubi.identity.linkage;

import org.springframework.modulith.NamedInterface;
