/** The indexer's tables in PostgreSQL (V69). */
package org.musubi.imaging.index.jdbc;
