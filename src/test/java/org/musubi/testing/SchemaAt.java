package org.musubi.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** A bare database (no Musubi started on it) brought to a schema version, for migration and restore drills. */
public final class SchemaAt {

    private SchemaAt() {
    }

    /** Migrates to {@code version} ({@code latest} for all), creating the application role the migrations grant to. */
    public static void migrate(DataSource database, String version) throws SQLException {
        execute(database, "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'musubi_app') THEN "
                + "CREATE ROLE musubi_app LOGIN; END IF; END $$");
        Flyway.configure().dataSource(database).locations("classpath:db/migration")
                .placeholders(Map.of("app_role", "musubi_app")).target(version).load().migrate();
    }

    public static void execute(DataSource database, String sql) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The first column of the first row. */
    public static String single(DataSource database, String sql) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
