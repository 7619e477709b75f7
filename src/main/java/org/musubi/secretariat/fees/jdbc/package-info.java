/** The tables of fees and invoices (V62): invoicing_settings, fee_rule, invoice_counter, invoice, invoice_line. */
package org.musubi.secretariat.fees.jdbc;
