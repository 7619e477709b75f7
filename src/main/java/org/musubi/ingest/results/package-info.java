/**
 * Lab and physiology results as FHIR, whatever the source: the SS-MIX2 result messages (OML-11 OUL^R22,
 * OMG-13 ORU^R01), a lab centre's HL7 v2 files and its CSV files are read into {@link
 * org.musubi.ingest.results.LabReport}s, and {@link org.musubi.ingest.results.LabResources} maps them
 * once: a JP Core DiagnosticReport per report, an Observation per result and a Specimen per specimen. A result's
 * value and unit are read the same way for every source by {@link org.musubi.ingest.results.ResultValues}
 * (limit values, powers of ten, grades, units coded only when valid and plausible), each change reported as a
 * {@link org.musubi.ingest.results.ResultWarning} (issue 38; the texts in {@code org/musubi/ingest/results/messages*}).
 * Used by the SS-MIX2 order mappers ({@code hl7.orders.results}), the lab-centre adapter ({@code lab}), the 特定健診
 * reader ({@code checkup}) and SS-MIX2's vital signs, and dependent on none of them: the import's packages form no
 * loop ({@code DependencyRulesTest}).
 */
package org.musubi.ingest.results;
