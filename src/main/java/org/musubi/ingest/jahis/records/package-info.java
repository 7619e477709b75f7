/**
 * A JAHIS TC text read into checked, typed records: {@link org.musubi.ingest.jahis.records.JahisParser} decodes
 * each line into a {@link org.musubi.ingest.jahis.records.JahisRecord} (fields checked, dates parsed) and groups
 * them into a {@link org.musubi.ingest.jahis.records.Notebook}: the header, the patient, dispensing blocks, OTC
 * drugs, notes and memos, each with the scope that is taken or rejected as a whole, and the problem texts
 * ({@code org/musubi/ingest/jahis/messages*.properties}).
 */
package org.musubi.ingest.jahis.records;
