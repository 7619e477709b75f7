/**
 * Printing on the ground floor (issue 68): XHTML rendered to PDF with an embedded Japanese font ({@link
 * org.musubi.print.PdfPrinter}), for every module that prints — the notebook's emergency sheet, the portal's summary
 * and municipal documents, letters, the secretariat's invoices and board report. It depends on no feature module.
 */
package org.musubi.print;
