/**
 * Lab and physiology results in SS-MIX2 (OML-11 OUL^R22, OMG-13 ORU^R01): OBR and OBX read into lab reports,
 * which the lab-result mapping ({@code org.musubi.ingest.results}) turns into DiagnosticReport, Observations
 * and Specimen as it does for every source. The one order family that depends on it.
 */
package org.musubi.ingest.hl7.orders.results;
