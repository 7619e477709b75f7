package org.musubi.database;

import javax.sql.DataSource;

/**
 * Connections as the schema owner: for migrations and operator tooling only. Application code
 * uses the ordinary {@link DataSource} bean, which logs in as the less privileged role.
 */
public record OwnerDatabase(DataSource dataSource) {
}
