/** The ORCA connectors' table. */
package org.musubi.ingest.orca.jdbc;
