/**
 * Synthetic clinical records as FHIR R4 (JP Core-ish) resources: a facility's patient with visits
 * (Encounters, Conditions, prescriptions and dispenses, laboratory results, vital signs), as
 * transaction Bundles the way EHR exports send them. Deterministic: the same seed gives the same
 * Bundle. A named interface, for the benchmarks and the command line.
 */
@NamedInterface("fhir")
package org.musubi.synth.fhir;

import org.springframework.modulith.NamedInterface;
