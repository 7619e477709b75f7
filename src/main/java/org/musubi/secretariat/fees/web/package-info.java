/**
 * The network administrators' pages of fees and invoices: {@code /admin/fees} (invoicing settings, fee rules and their
 * versions) and {@code /admin/invoices} (the monthly run, the list with paid marks and its CSV, an invoice, its PDF,
 * its correction). Behind the {@code /admin/**} rule of the security chain (NETWORK_ADMIN); an invoice that does not
 * exist answers 404.
 */
package org.musubi.secretariat.fees.web;
