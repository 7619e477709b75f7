package org.musubi.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/** The database as backups read it and restores fill it, as its owner. */
public interface BackupDatabase {

    /** Opens one consistent, read-only snapshot of every table of Musubi's schema. */
    Snapshot snapshot() throws IOException;

    /**
     * Opens a restore's one transaction, after locking every table and checking that the database holds no
     * Musubi data yet and has exactly the tables and columns of {@code tables}; refuses otherwise, saying why.
     */
    Load load(List<TableLayout> tables) throws IOException;

    interface Snapshot extends AutoCloseable {

        /** The schema's Flyway version. */
        String schemaVersion();

        /** The tables, parents before the tables whose foreign keys refer to them. */
        List<TableLayout> tables();

        /** Writes the table's rows as binary COPY data. */
        void copyOut(TableLayout table, OutputStream out) throws IOException;

        List<Manifest.SequenceValue> sequences() throws IOException;

        @Override
        void close() throws IOException;
    }

    interface Load extends AutoCloseable {

        /** Adds the rows of binary COPY data to the table. */
        void copyIn(TableLayout table, InputStream copyData) throws IOException;

        /** Writes the table's rows as they now are, as binary COPY data. */
        void copyOut(TableLayout table, OutputStream out) throws IOException;

        void sequences(List<Manifest.SequenceValue> values) throws IOException;

        void commit() throws IOException;

        /** Rolls back unless committed. */
        @Override
        void close() throws IOException;
    }
}
