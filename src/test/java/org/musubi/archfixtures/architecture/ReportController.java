package org.musubi.archfixtures.architecture;

import java.sql.Connection;
import java.sql.SQLException;

/** A controller that queries the database itself instead of calling a module's use case (not a Spring bean). */
final class ReportController {

    boolean reachable(Connection connection) throws SQLException {
        return connection.isValid(1);
    }
}
