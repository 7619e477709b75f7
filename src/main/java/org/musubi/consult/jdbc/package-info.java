/** The consultations' rows (V56) in PostgreSQL. */
package org.musubi.consult.jdbc;
