package org.musubi.medication.pricelist;

import java.util.List;

/** Receives the rows of a sheet (a CSV file is one sheet with a blank name), cells as text. */
interface RowSink {

    void row(String sheet, int rowNumber, List<String> cells);

    /** A row holding bytes its file's charset cannot read, in place of the row: not read, its place named. */
    void undecodable(String sheet, int rowNumber, org.musubi.text.Undecodable where);
}
