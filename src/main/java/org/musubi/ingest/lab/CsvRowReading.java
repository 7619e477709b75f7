package org.musubi.ingest.lab;

import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.musubi.ingest.adapter.Location;
import org.musubi.ingest.adapter.MappingContext;
import org.musubi.ingest.adapter.Problem;
import org.musubi.ingest.results.LabResult;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.text.ReportingReader;
import org.musubi.text.Undecodable;

/**
 * Reads one CSV row of the lab layout, checking each column's format (docs/lab-csv.md); the first fault
 * rejects the row, naming file, line and column. The result itself is read by {@link CsvResults}.
 */
final class CsvRowReading {

    /** A lab centre's own test codes, per facility (no national system exists). */
    private static final Pattern JLAC10 = Pattern.compile("[0-9A-Z]{17}");

    private final CsvHeader header;
    private final MappingContext context;
    private final String file;
    private final Charset charset;
    private final ReportingReader text;
    /** The last date-time read per column: rows of one order repeat it, and reading one is costly. */
    private final Map<CsvColumn, DateTimeType> lastDateTimes = new EnumMap<>(CsvColumn.class);
    private final Map<CsvColumn, String> lastDateTexts = new EnumMap<>(CsvColumn.class);

    CsvRowReading(CsvHeader header, MappingContext context, String file, Charset charset, ReportingReader text) {
        this.header = header;
        this.context = context;
        this.file = file;
        this.charset = charset;
        this.text = text;
    }

    CsvLabRow read(CsvRow row) throws CsvRejected {
        Location where = Location.file(file).at(row.line(), null);
        Undecodable undecodable = text == null ? null : text.faultOn(row.line(), row.line() + lineBreaks(row.raw()));
        if (undecodable != null) {
            throw new CsvRejected(Location.file(file).at(undecodable.line(), null), "csv.undecodable",
                    String.valueOf(undecodable.line()), String.valueOf(undecodable.column()),
                    String.valueOf(undecodable.offset()), undecodable.bytes(), charset.name());
        }
        if (row.raw().indexOf(ReportingReader.MARK) >= 0) {
            throw new CsvRejected(where, "csv.encoding", charset.name());
        }
        if (row.fields().size() != header.size()) {
            throw new CsvRejected(where, "csv.columns", row.fields().size(), header.size());
        }
        Cells cells = new Cells(row, where);
        var patient = new CsvLabRow.Patient(cells.required(CsvColumn.PATIENT_ID), cells.get(CsvColumn.NAME_KANJI),
                cells.get(CsvColumn.NAME_KANA), cells.date(CsvColumn.BIRTH_DATE), CsvValues.sex(cells.get(CsvColumn.SEX))
                .orElseThrow(() -> cells.problem(CsvColumn.SEX, "csv.sex", cells.get(CsvColumn.SEX))));
        var order = new CsvLabRow.Order(cells.required(CsvColumn.ORDER_NO), cells.get(CsvColumn.LAB_ORDER_NO),
                cells.dateTime(CsvColumn.COLLECTED_AT, true), cells.dateTime(CsvColumn.REPORTED_AT, false),
                cells.get(CsvColumn.SPECIMEN_CODE), cells.get(CsvColumn.SPECIMEN_NAME));
        List<Problem> warnings = new ArrayList<>(0);
        LabResult result = CsvResults.read(cells, code(cells), order.collected(), warnings);
        return new CsvLabRow(row.line(), patient, order, result, warnings);
    }

    /** The line breaks inside a row's quoted fields, counted as {@link org.musubi.text.csv.CsvReader#stream} counts lines. */
    private static int lineBreaks(String raw) {
        int breaks = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 == raw.length() || raw.charAt(i + 1) != '\n')) {
                breaks++;
            }
        }
        return breaks;
    }

    private CodeableConcept code(Cells cells) throws CsvRejected {
        String jlac10 = cells.get(CsvColumn.JLAC10);
        String local = cells.get(CsvColumn.LOCAL_CODE);
        String name = cells.required(CsvColumn.TEST_NAME);
        if (jlac10.isEmpty() && local.isEmpty()) {
            throw cells.problem(CsvColumn.JLAC10, "csv.code.missing");
        }
        if (!jlac10.isEmpty() && !JLAC10.matcher(jlac10).matches()) {
            throw cells.problem(CsvColumn.JLAC10, "csv.jlac10", jlac10, jlac10.length());
        }
        List<Coding> codings = new ArrayList<>(2);
        if (!jlac10.isEmpty()) {
            codings.add(new Coding(FhirSystems.JLAC10, jlac10, name));
        }
        if (!local.isEmpty()) {
            codings.add(new Coding(FhirSystems.LAB_LOCAL_CODE + context.institutionCode(), local, name));
        }
        return new CodeableConcept().setCoding(codings).setText(name);
    }

    /** The row's cells by column, with the checks rows need. */
    final class Cells {

        private final CsvRow row;
        private final Location where;

        Cells(CsvRow row, Location where) {
            this.row = row;
            this.where = where;
        }

        String get(CsvColumn column) {
            return header.value(row, column);
        }

        String required(CsvColumn column) throws CsvRejected {
            String value = get(column);
            if (value.isEmpty()) {
                throw problem(column, "csv.required", column.header());
            }
            return value;
        }

        DateTimeType dateTime(CsvColumn column, boolean required) throws CsvRejected {
            String value = required ? required(column) : get(column);
            if (value.isEmpty()) {
                return null;
            }
            if (value.equals(lastDateTexts.get(column))) {
                return lastDateTimes.get(column);
            }
            DateTimeType read = CsvValues.dateTime(value).orElseThrow(() -> problem(column, "csv.date", column.header(), value));
            lastDateTexts.put(column, value);
            lastDateTimes.put(column, read);
            return read;
        }

        LocalDate date(CsvColumn column) throws CsvRejected {
            String value = get(column);
            if (value.isEmpty()) {
                return null;
            }
            return CsvValues.date(value).orElseThrow(() -> problem(column, "csv.date", column.header(), value));
        }

        CsvRejected problem(CsvColumn column, String code, Object... args) {
            return new CsvRejected(at(column), code, args);
        }

        /** The file, the row's line and the column. */
        Location at(CsvColumn column) {
            return where.field(column.header());
        }
    }
}
