/**
 * The lab-centre adapter: HL7 v2 result files (OUL^R22, ORU^R01, batches) read by {@link
 * org.musubi.ingest.lab.LabHl7Reader} and CSV files in Musubi's layout ({@code docs/lab-csv.md}) read by
 * {@link org.musubi.ingest.lab.LabCsvReader}, both mapped to FHIR by {@link
 * org.musubi.ingest.results.LabResources} as SS-MIX2's OML-11 results are.
 */
package org.musubi.ingest.lab;
