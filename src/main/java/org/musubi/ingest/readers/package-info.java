/**
 * The adapter of each kind of source, as a batch asks for it ({@link org.musubi.ingest.readers.SourceReaders}), and
 * the readers that stand in front of a format's own: JAHIS notebooks split into parts, held until every part has come
 * ({@link org.musubi.ingest.readers.SplitNotebooks}, {@link org.musubi.ingest.readers.HeldParts}), and lab-centre
 * files told apart as HL7 v2 or CSV ({@link org.musubi.ingest.readers.LabFiles}).
 */
package org.musubi.ingest.readers;
