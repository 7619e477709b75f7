/**
 * Lab and physiology results as FHIR, whatever the source: the SS-MIX2 result messages (OML-11 OUL^R22,
 * OMG-13 ORU^R01), a lab centre's HL7 v2 files and its CSV files are read into {@link
 * org.musubi.ingest.lab.results.LabReport}s, and {@link org.musubi.ingest.lab.results.LabResources} maps them
 * once: a JP Core DiagnosticReport per report, an Observation per result and a Specimen per specimen.
 */
package org.musubi.ingest.lab.results;
