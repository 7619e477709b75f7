/** The letters exchange's tables (V47) in PostgreSQL. */
package org.musubi.letters.exchange.jdbc;
