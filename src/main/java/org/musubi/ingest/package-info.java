/**
 * Imports: what other features use of them. Running a batch of a source's files ({@link org.musubi.ingest.RunImport},
 * one source at a time through {@link org.musubi.ingest.ImportQueue}, the files of a folder from {@link
 * org.musubi.ingest.FolderFiles}), the sources registered ({@link org.musubi.ingest.ImportSources}) and the batches and
 * their problems as administrators see them ({@link org.musubi.ingest.ImportAdministration}).
 *
 * <p>Inside the module: the contract format adapters implement ({@code adapter}) and the adapters themselves
 * ({@code ssmix2}, {@code jahis}, {@code hl7}, {@code lab}), the adapter of each kind of source ({@code readers}),
 * running a batch ({@code batch}), storing one chunk of it ({@code chunk}), the import's bookkeeping ({@code ledger}
 * and its database adapter {@code jdbc}), and the ways in: command line ({@code cli}), upload ({@code web}) and
 * watched folders ({@code watch}).
 */
package org.musubi.ingest;
