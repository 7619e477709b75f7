/**
 * SS-MIX2 file names and paths: the seven fields of a name ({@link org.musubi.ingest.ssmix2.naming.Ssmix2FileName}),
 * a file's place in the standardized or extended storage ({@link org.musubi.ingest.ssmix2.naming.Ssmix2Path}),
 * the condition flag, extended-storage type folders, and the deviations real storages write (read with a
 * warning, a {@link org.musubi.ingest.ssmix2.naming.Fault}).
 */
package org.musubi.ingest.ssmix2.naming;
