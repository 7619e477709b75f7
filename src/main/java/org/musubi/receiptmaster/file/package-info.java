/** Reading the official receipt master files (CSV, Shift_JIS, no header row; column 2 names the master). */
package org.musubi.receiptmaster.file;
