/** The receipt masters in PostgreSQL ({@code receipt_master}, {@code receipt_master_load}). */
package org.musubi.receiptmaster.jdbc;
