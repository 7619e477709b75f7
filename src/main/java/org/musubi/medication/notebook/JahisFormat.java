package org.musubi.medication.notebook;

import java.nio.charset.Charset;

/**
 * A JAHIS TC file as a whole, as the import reads it and the writer writes it: the version record's prefix
 * ({@code JAHISTC08,1}), the newest version Musubi knows (08 = Ver.2.5/2.6) and the Shift_JIS both use, Windows'
 * {@code windows-31j}, which pharmacy systems write (it has ①, ㎎, Ⅲ …).
 */
public final class JahisFormat {

    public static final String PREFIX = "JAHISTC";
    public static final int NEWEST_KNOWN = 8;
    public static final Charset SHIFT_JIS = Charset.forName("windows-31j");

    private JahisFormat() {
    }
}
