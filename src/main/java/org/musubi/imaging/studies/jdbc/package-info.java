/** The study index in PostgreSQL. */
package org.musubi.imaging.studies.jdbc;
