/**
 * The contract of a format adapter: a {@link org.musubi.ingest.adapter.SourceReader} reads a
 * {@link org.musubi.ingest.adapter.SourceFile} and gives one {@link org.musubi.ingest.adapter.ParseResult} per record
 * (mapped resources with {@link org.musubi.ingest.adapter.SourceRefs} placeholders, the patient, directory resources),
 * or a {@link org.musubi.ingest.adapter.Problem} naming where it went wrong. Also what adapters share: the sending
 * facility ({@link org.musubi.ingest.adapter.MappingContext}, the ids its imports make), problem texts and code
 * systems. Plain Java and HAPI FHIR structures; no Spring, no database.
 */
package org.musubi.ingest.adapter;
