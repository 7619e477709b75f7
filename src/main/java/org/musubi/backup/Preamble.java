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
 */
public record Preamble(int format, String musubiVersion, String schemaVersion, String startedAt,
                       List<TableLayout> tables, boolean blobsIncluded) {

    public static final int FORMAT = 1;

    public Preamble {
        tables = List.copyOf(tables);
    }
}
