/** The disclosures' rows (V88) in PostgreSQL. */
package org.musubi.policy.disclosure.jdbc;
