/**
 * The import's own batch door to the record store ({@link org.musubi.record.imports.ImportRecords}): a facility's
 * import stores and deletes its own resources in its own transaction and audits each source record itself. A named
 * interface for {@code ingest} alone: no other module calls it ({@code RecordDoorRulesTest}); every other writer goes
 * through {@link org.musubi.record.WriteRecords}.
 */
@NamedInterface("imports")
package org.musubi.record.imports;

import org.springframework.modulith.NamedInterface;
