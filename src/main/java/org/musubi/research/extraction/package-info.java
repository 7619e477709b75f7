/**
 * De-identified extractions of approved research projects (issue 48, item 3): a named user (or an operator) starts one
 * ({@link org.musubi.research.extraction.ExtractionDesk}); a background job ({@link
 * org.musubi.research.extraction.ExtractionRunner}, on one node at a time) selects the cohort exactly as the count does,
 * reads it through the record's research door ({@link org.musubi.record.ReadRecords#released}) into the
 * de-identification pipeline with the project's key and the k-anonymity threshold, and keeps NDJSON files per resource
 * type and a report in the blob store; the project's named users download them until they expire
 * ({@link org.musubi.research.extraction.ExtractionSweep} deletes them then). See docs/research.md. A named interface
 * of the research module: the demo starts its project's extraction through the desk as a researcher would.
 */
@NamedInterface("extraction")
package org.musubi.research.extraction;

import org.springframework.modulith.NamedInterface;
