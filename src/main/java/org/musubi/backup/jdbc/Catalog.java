package org.musubi.backup.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.musubi.backup.Manifest;
import org.musubi.backup.TableLayout;

/**
 * What PostgreSQL's catalog says of Musubi's schema (the connection's current schema, where Flyway put it):
 * its tables and their columns, foreign keys, sequences and schema version. Flyway's own history is not
 * data: a restore's migrations write it anew.
 */
final class Catalog {

    /**
     * The tables a backup holds: all but Flyway's history and the state of the moment that a restored network must not
     * bring back (issue 41): browser sessions (everyone signs in again), throttle windows and lock notices (counted
     * afresh), resumable uploads in progress (their parts are not in backups either; the client starts again).
     */
    private static final String TABLES = """
            c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
            AND c.relname NOT IN ('flyway_schema_history', 'spring_session', 'spring_session_attributes',
                                  'login_throttle', 'lock_notice', 'resumable_upload', 'resumable_upload_part',
                                  'import_upload')""";

    private Catalog() {
    }

    /** The schema's tables with their stored columns (generated ones cannot be loaded), parents first. */
    static List<TableLayout> tables(Connection connection) throws SQLException {
        Map<String, List<TableLayout.Column>> columns = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("""
                SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod)
                FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
                WHERE %s AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
                ORDER BY c.relname, a.attnum""".formatted(TABLES))) {
            while (rows.next()) {
                columns.computeIfAbsent(rows.getString(1), name -> new ArrayList<>())
                        .add(new TableLayout.Column(rows.getString(2), rows.getString(3)));
            }
        }
        return parentsFirst(columns.keySet(), foreignKeys(connection)).stream()
                .map(name -> new TableLayout(name, columns.get(name))).toList();
    }

    /** The Flyway version of the schema; empty when Flyway has never run here. */
    static String schemaVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet found = statement.executeQuery("SELECT to_regclass('flyway_schema_history') IS NOT NULL")) {
            found.next();
            if (!found.getBoolean(1)) {
                return "";
            }
        }
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("""
                SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL
                ORDER BY installed_rank DESC LIMIT 1""")) {
            return rows.next() ? rows.getString(1) : "";
        }
    }

    static List<Manifest.SequenceValue> sequences(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("""
                SELECT relname FROM pg_class WHERE relkind = 'S' AND relnamespace = current_schema()::regnamespace
                ORDER BY relname""")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        List<Manifest.SequenceValue> values = new ArrayList<>();
        for (String name : names) {
            try (Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("SELECT last_value, is_called FROM " + quote(name))) {
                row.next();
                values.add(new Manifest.SequenceValue(name, row.getLong(1), row.getBoolean(2)));
            }
        }
        return values;
    }

    static void setSequence(Connection connection, Manifest.SequenceValue value) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT setval(format('%I', ?)::regclass, ?, ?)")) {
            statement.setString(1, value.name());
            statement.setLong(2, value.lastValue());
            statement.setBoolean(3, value.called());
            statement.execute();
        }
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    static String columnList(TableLayout table) {
        return table.columns().stream().map(column -> quote(column.name())).collect(Collectors.joining(", "));
    }

    /** Referencing table to the tables it refers to (a table's references to itself left out). */
    private static Map<String, Set<String>> foreignKeys(Connection connection) throws SQLException {
        Map<String, Set<String>> parents = new HashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("""
                SELECT c.relname, p.relname FROM pg_constraint k
                JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
                WHERE k.contype = 'f' AND k.conrelid <> k.confrelid
                AND c.relnamespace = current_schema()::regnamespace""")) {
            while (rows.next()) {
                parents.computeIfAbsent(rows.getString(1), name -> new HashSet<>()).add(rows.getString(2));
            }
        }
        return parents;
    }

    /**
     * Orders the tables so that each comes after the tables it refers to, by name where free to choose. A
     * row referring to a row of its own table is checked at the end of its COPY, so order inside one table
     * does not matter. A cycle of foreign keys (none in Musubi's schema) is left in name order.
     */
    private static List<String> parentsFirst(Set<String> tables, Map<String, Set<String>> parents) {
        List<String> ordered = new ArrayList<>();
        Set<String> left = new TreeSet<>(tables);
        while (!left.isEmpty()) {
            String next = left.stream()
                    .filter(table -> parents.getOrDefault(table, Set.of()).stream().noneMatch(left::contains))
                    .findFirst().orElse(left.iterator().next());
            ordered.add(next);
            left.remove(next);
        }
        return ordered;
    }
}
