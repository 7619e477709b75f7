/**
 * Lab and physiology results as FHIR, whatever the source: the SS-MIX2 result messages (OML-11 OUL^R22,
 * OMG-13 ORU^R01), a lab centre's HL7 v2 files and its CSV files are read into {@link
 * org.musubi.ingest.lab.results.LabReport}s, and {@link org.musubi.ingest.lab.results.LabResources} maps them
 * once: a JP Core DiagnosticReport per report, an Observation per result and a Specimen per specimen. A result's
 * value and unit are read the same way for every source by {@link org.musubi.ingest.lab.results.ResultValues}
 * (limit values, powers of ten, grades, units coded only when valid and plausible), each change reported as a
 * {@link org.musubi.ingest.lab.results.ResultWarning} (issue 38).
 */
package org.musubi.ingest.lab.results;
