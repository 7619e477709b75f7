package org.musubi.ingest.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.musubi.ingest.values.OrderNumbers;
import org.musubi.ingest.values.SourceKeys;
import org.musubi.ingest.adapter.CodeSystems;
import org.musubi.ingest.adapter.Location;
import org.musubi.ingest.adapter.Problem;
import org.musubi.ingest.adapter.MappingContext;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.results.LabReport;
import org.musubi.ingest.results.LabResources;
import org.musubi.ingest.results.LabResult;
import org.musubi.ingest.results.OrderDetails;
import org.musubi.ingest.results.ResultKind;
import org.musubi.ingest.results.SpecimenInfo;

/**
 * Gathers consecutive valid rows of one order (same patient_id and order_no) into one record, keyed
 * {@code lab:csv:<order_no>}: one report (order numbers, specimen, collection and report time from its
 * first row) with a result per row. At most {@link #MAX_RESULTS} results per order are kept in memory;
 * further rows of the order are rejected.
 */
final class CsvOrders {

    static final int MAX_RESULTS = 10_000;

    private final MappingContext context;
    private final String file;
    private final Consumer<ParseResult> results;
    private final List<CsvLabRow> rows = new ArrayList<>();
    /** The raw text of each of {@link #rows}, for {@link #abandon}. */
    private final List<String> raws = new ArrayList<>();

    CsvOrders(MappingContext context, String file, Consumer<ParseResult> results) {
        this.context = context;
        this.file = file;
        this.results = results;
    }

    void add(CsvLabRow row, String raw) {
        if (!rows.isEmpty() && !rows.getFirst().sameOrder(row)) {
            flush();
        }
        if (rows.size() >= MAX_RESULTS) {
            results.accept(LabProblems.rejected(Location.file(file).at(row.line(), null), raw, "csv.tooMany", MAX_RESULTS));
            return;
        }
        rows.add(row);
        raws.add(raw);
    }

    /**
     * The file cannot be read further: the order being collected may be cut, so it is not stored; each of its rows
     * is rejected with its raw text ({@code lab.orderCut}), so that nothing read is lost or shown cut.
     */
    void abandon(String reason) {
        for (int i = 0; i < rows.size(); i++) {
            results.accept(LabProblems.rejected(Location.file(file).at(rows.get(i).line(), null), raws.get(i),
                    "lab.orderCut", reason));
        }
        rows.clear();
        raws.clear();
    }

    void flush() {
        if (rows.isEmpty()) {
            return;
        }
        CsvLabRow first = rows.getFirst();
        Location where = Location.file(file).at(first.line(), null);
        try {
            results.accept(parsed(first, where));
        } catch (RuntimeException e) {
            results.accept(LabProblems.rejected(where, null, "lab.internal", e.getClass().getSimpleName()));
        }
        rows.clear();
        raws.clear();
    }

    private ParseResult.Parsed parsed(CsvLabRow first, Location where) {
        String recordKey = "lab:csv:" + SourceKeys.part(first.order().number());
        var order = first.order();
        List<LabResult> results = rows.stream().map(CsvLabRow::result).toList();
        LabReport report = new LabReport("1", ResultKind.LABORATORY, new OrderNumbers(order.number(), order.labNumber()),
                null, specimen(), order.collected(), order.reported(), null, results, OrderDetails.NONE);
        return new ParseResult.Parsed(where, recordKey, null, ParseResult.Action.STORE, CsvPatients.identity(first.patient()),
                CsvPatients.resource(first.patient(), context), false,
                LabResources.map(recordKey, context, List.of(report)),
                warnings());
    }

    /** What reading the rows' values was warned about, in row order. */
    private List<Problem> warnings() {
        List<Problem> warnings = null;
        for (CsvLabRow row : rows) {
            if (!row.warnings().isEmpty()) {
                if (warnings == null) {
                    warnings = new ArrayList<>();
                }
                warnings.addAll(row.warnings());
            }
        }
        return warnings == null ? List.of() : warnings;
    }

    /** From the first row that names one. */
    private SpecimenInfo specimen() {
        for (CsvLabRow row : rows) {
            String code = row.order().specimenCode();
            String name = row.order().specimenName();
            if (!code.isEmpty() || !name.isEmpty()) {
                CodeableConcept type = new CodeableConcept().setText(name.isEmpty() ? null : name);
                if (!code.isEmpty()) {
                    type.addCoding(new Coding(CodeSystems.uri("JC10", code), code, name.isEmpty() ? null : name));
                }
                return new SpecimenInfo("1", "", type, row.order().collected());
            }
        }
        return null;
    }
}
