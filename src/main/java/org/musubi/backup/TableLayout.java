package org.musubi.backup;

import java.util.List;

/** A table as backed up: its name and the columns its data holds, in order (generated columns left out). */
public record TableLayout(String name, List<Column> columns) {

    public TableLayout {
        columns = List.copyOf(columns);
    }

    /** A column and its type as PostgreSQL names it, e.g. {@code timestamp with time zone}. */
    public record Column(String name, String type) {
    }
}
