/** The double reading programmes' rows in PostgreSQL. */
package org.musubi.imaging.reading.programme.jdbc;
