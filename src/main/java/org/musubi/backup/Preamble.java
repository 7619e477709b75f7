package org.musubi.backup;

import java.util.List;

/**
 * The start of an archive's content, readable before the data: what made it and what it holds.
 *
 * @param format        the content's format version
 * @param musubiVersion the Musubi version that took the backup
 * @param schemaVersion the database's schema (Flyway) version; a restore recreates exactly this one first
 * @param startedAt     when the database snapshot was taken (ISO-8601, UTC)
 * @param tables        the tables in the order they follow, parents before the tables that refer to them
 * @param blobsIncluded whether the files of the blob store follow the tables (not for object storage)
 * @param partPrefixes  the kept parts whose files follow the blob store's ({@link org.musubi.blob.KeptParts}: Box
 *                      files, bulk exports, research extractions), by their names' prefixes; none in format 1 and
 *                      from object storage
 */
public record Preamble(int format, String musubiVersion, String schemaVersion, String startedAt,
                       List<TableLayout> tables, boolean blobsIncluded, List<String> partPrefixes) {

    /** Format 2 adds the kept parts; format 1 archives (tables and content-addressed files only) are read too. */
    public static final int FORMAT = 2;

    public Preamble {
        tables = List.copyOf(tables);
        partPrefixes = partPrefixes == null ? List.of() : List.copyOf(partPrefixes);
    }

    public Preamble(int format, String musubiVersion, String schemaVersion, String startedAt, List<TableLayout> tables,
                    boolean blobsIncluded) {
        this(format, musubiVersion, schemaVersion, startedAt, tables, blobsIncluded, List.of());
    }

    static boolean readable(int format) {
        return format == 1 || format == FORMAT;
    }
}
