/**
 * CSV, read and written one way (issue 68): {@link org.musubi.text.csv.CsvReader} reads RFC 4180 records for every
 * import of a CSV file, {@link org.musubi.text.csv.CsvWriter} writes every CSV download with the one guard against
 * formula injection. A named interface of the ground floor's {@code text}: it depends on no feature module.
 */
@NamedInterface("csv")
package org.musubi.text.csv;

import org.springframework.modulith.NamedInterface;
