package org.musubi.medication.pricelist;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.xml.stream.XMLStreamException;

/**
 * Reads the MHLW drug price list (薬価基準収載品目リスト) as published (.xlsx, every sheet that has the
 * header) or saved as CSV (Shift_JIS or UTF-8). Throws {@link UnreadablePriceList} when the file is not
 * such a list at all; bad rows are problems in the result.
 */
public final class PriceListReader {

    public PriceList read(Path file) {
        String name = file.getFileName().toString();
        PriceListRows rows = new PriceListRows(name);
        try {
            if (isZip(file)) {
                XlsxRows.read(file, rows);
            } else if (name.toLowerCase(Locale.ROOT).endsWith(".xls")) {
                throw new UnreadablePriceList("medication.list.format", null, name);
            } else {
                CsvRows.read(Files.readAllBytes(file), rows);
            }
        } catch (IOException | XMLStreamException | RuntimeException e) {
            if (e instanceof UnreadablePriceList unreadable) {
                throw unreadable;
            }
            throw new UnreadablePriceList("medication.list.unreadable", e, name, String.valueOf(e.getMessage()));
        }
        return finish(rows, name);
    }

    /** A CSV list from a stream (e.g. a class-path resource). */
    public PriceList readCsv(String name, InputStream csv) {
        PriceListRows rows = new PriceListRows(name);
        try {
            CsvRows.read(csv.readAllBytes(), rows);
        } catch (IOException e) {
            throw new UnreadablePriceList("medication.list.unreadable", e, name, String.valueOf(e.getMessage()));
        }
        return finish(rows, name);
    }

    private static PriceList finish(PriceListRows rows, String name) {
        if (!rows.anyHeader()) {
            throw new UnreadablePriceList("medication.list.noHeader", null, name);
        }
        return rows.result();
    }

    private static boolean isZip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
        }
    }
}
