/** The drug master in PostgreSQL: lookups ({@code drug_master}) and loads ({@code drug_master_load}). */
package org.musubi.medication.jdbc;
