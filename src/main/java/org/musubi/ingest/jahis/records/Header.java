package org.musubi.ingest.jahis.records;

import java.util.List;
import org.musubi.ingest.adapter.Location;
import org.musubi.medication.notebook.JahisFormat;
import org.musubi.medication.notebook.JahisNumbers;

/**
 * The version record {@code JAHISTCnn,<出力区分>}: format version (01 = Ver.1.0 … 07 = 2.4, 08 = 2.5/2.6)
 * and output direction (1 institution or pharmacy to patient, 2 entered by the patient). Versions
 * only ever added records and trailing fields, so one reader, the 08 layout, reads them all; a newer
 * version is read the same way, with a warning.
 */
public record Header(int version, String direction) {

    public static boolean looksLikeHeader(RawRecord raw) {
        return raw.number().startsWith(JahisFormat.PREFIX);
    }

    /** The header, or null with an error in {@code found}. */
    static Header parse(RawRecord raw, String file, List<Finding> found) {
        Location where = new Location(file, raw.line(), "JAHISTC", null);
        String digits = raw.number().substring(JahisFormat.PREFIX.length());
        if (digits.length() != 2 || !JahisNumbers.isDigits(digits) || "00".equals(digits)) {
            found.add(new Finding(JahisProblems.of(where.field("バージョン情報"), "jahis.header.version", raw.number()), true));
            return null;
        }
        int version = Integer.parseInt(digits);
        String direction = raw.field(1);
        if (!"1".equals(direction) && !"2".equals(direction)) {
            found.add(new Finding(JahisProblems.of(where.field("出力区分"), "jahis.header.direction", direction), true));
            return null;
        }
        if (version > JahisFormat.NEWEST_KNOWN) {
            found.add(new Finding(JahisProblems.of(where.field("バージョン情報"), "jahis.header.newer", raw.number(),
                    JahisFormat.PREFIX + "0" + JahisFormat.NEWEST_KNOWN), false));
        }
        return new Header(version, direction);
    }
}
