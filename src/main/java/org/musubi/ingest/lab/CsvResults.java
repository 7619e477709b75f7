package org.musubi.ingest.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Quantity;
import org.musubi.ingest.adapter.Problem;
import org.musubi.ingest.values.Numbers;
import org.musubi.ingest.values.SourceKeys;
import org.musubi.ingest.results.Interpretations;
import org.musubi.ingest.results.LabResult;
import org.musubi.ingest.results.ReferenceRanges;
import org.musubi.ingest.results.ResultKind;
import org.musubi.ingest.results.ResultValues;
import org.musubi.ingest.results.ResultWarning;

/**
 * A CSV row's result: the value and unit read as every source's are ({@link ResultValues}: a number, also a limit
 * such as {@code <0.1} or {@code 0.05未満}, is a quantity in the row's unit, coded as UCUM when it is valid and
 * plausible; anything else, grades such as {@code +1} included, text as sent; what was done is warned about, naming
 * the {@code value} or {@code unit} column); the reference range from ref_low/ref_high (numbers) or ref_text;
 * abnormal_flag as an interpretation; status; comment as a note. Keyed by its JLAC10 code, else its local code.
 */
final class CsvResults {

    private CsvResults() {
    }

    /** The row's result; what reading its value did goes to {@code warnings}. */
    static LabResult read(CsvRowReading.Cells cells, CodeableConcept code, DateTimeType collected, List<Problem> warnings)
            throws CsvRejected {
        String text = cells.required(CsvColumn.VALUE);
        String unit = cells.get(CsvColumn.UNIT);
        ResultValues.Read read = ResultValues.read(text, ResultValues.Typed.UNTYPED, new ResultValues.Unit(unit, unit, ""),
                ResultKind.LABORATORY);
        for (ResultWarning warning : read.warnings()) {
            warnings.add(warning.at(cells.at(warning.part() == ResultWarning.Part.UNIT ? CsvColumn.UNIT : CsvColumn.VALUE)));
        }
        Quantity quantity = read.value() instanceof Quantity q ? q : null;
        var range = ReferenceRanges.of(bound(cells, CsvColumn.REF_LOW), bound(cells, CsvColumn.REF_HIGH),
                cells.get(CsvColumn.REF_TEXT), quantity);
        String status = cells.get(CsvColumn.STATUS).toUpperCase(Locale.ROOT);
        var observationStatus = CsvValues.status(status)
                .orElseThrow(() -> cells.problem(CsvColumn.STATUS, "csv.status", cells.get(CsvColumn.STATUS)));
        String comment = cells.get(CsvColumn.COMMENT);
        List<String> notes = read.notes();
        if (!comment.isEmpty()) {
            notes = new ArrayList<>(notes);
            notes.add(comment);
        }
        String key = SourceKeys.part(code.getCodingFirstRep().getCode());
        return new LabResult(key, code, read.value(), range, Interpretations.of(cells.get(CsvColumn.ABNORMAL_FLAG)),
                observationStatus, collected, notes, "");
    }

    private static String bound(CsvRowReading.Cells cells, CsvColumn column) throws CsvRejected {
        String value = cells.get(column);
        if (!value.isEmpty() && Numbers.plain(value).isEmpty()) {
            throw cells.problem(column, "csv.number", column.header(), value);
        }
        return value;
    }
}
