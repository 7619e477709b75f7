/**
 * Japanese text as Musubi keeps it, whichever format and encoding it came in: JIS X 0208's readings of the characters
 * Windows reads otherwise ({@code JisX0208}), used by the import's readers and by the JAHIS writer; how names are
 * compared when the record decides that two entries say the same thing ({@code PlainText}). Plain Java.
 */
package org.musubi.text;
