/** The remote readings' tables ({@code reading_service}, {@code reading_request}, V71) over Spring's JdbcClient. */
package org.musubi.imaging.reading.remote.jdbc;
