package org.musubi.phr.vitals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.musubi.registry.FieldFault;
import org.musubi.text.csv.CsvReader;
import org.musubi.text.csv.CsvWriter;

/**
 * The health notebook's CSV of vital signs, for export and import alike: UTF-8 (with a byte-order mark, so that
 * spreadsheet software reads it as UTF-8), a header row {@value #HEADER}, then one row per value: the moment in Japan
 * ({@code 2026-11-24 08:30}; steps: the day, {@code 2026-11-24}), the measure's code ({@link Vital#key()}), the value
 * and its UCUM unit (may be left empty on import). Blood pressure is two rows at the same moment (systolic, diastolic).
 *
 * <p>An import checks each row on its own, as the quick entry checks a field: a row at fault is named with its line
 * and field and left out, the good rows are kept (rows of one moment become one entry); BMI rows are skipped (BMI is
 * computed again from weight and height); the same measure twice at one moment (steps: one day) is a fault of the
 * later row.
 */
public final class VitalsCsv {

    public static final String HEADER = "日時(datetime),項目(measure),値(value),単位(unit)";
    public static final String BYTE_ORDER_MARK = "\uFEFF";
    /** The most value rows one file may hold. */
    public static final int MOST_ROWS = 10_000;
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");

    private VitalsCsv() {
    }

    /** A fault of one line of the file (1 is the first line, the header's), naming the field. */
    public record RowFault(int line, FieldFault fault) {
    }

    /** What a file holds: the entries its good rows make, how many rows they are, and the faults of the others. */
    public record Parsed(List<VitalsEntry> entries, int goodRows, int skippedRows, List<RowFault> faults) {

        public Parsed {
            entries = List.copyOf(entries);
            faults = List.copyOf(faults);
        }
    }

    /** The file of these values (oldest first), with its byte-order mark and header. */
    public static String write(List<VitalReading> readings) {
        StringBuilder out = new StringBuilder(BYTE_ORDER_MARK).append(HEADER).append("\r\n");
        for (VitalReading reading : readings) {
            LocalDateTime at = LocalDateTime.ofInstant(reading.at(), VitalsEntry.JAPAN);
            out.append(CsvWriter.line(List.of(reading.vital().daily() ? at.toLocalDate().toString() : at.format(MOMENT),
                    reading.vital().key(), reading.value().toPlainString(), reading.vital().coding().ucum())));
        }
        return out.toString();
    }

    /** Reads a file; {@code now} is the latest moment a row may have. */
    public static Parsed read(String text, Instant now) {
        String[] lines = (text.startsWith(BYTE_ORDER_MARK) ? text.substring(1) : text).split("\r\n|\n|\r", -1);
        Reading reading = new Reading(now);
        int rows = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || (rows == 0 && reading.noRowYet() && header(line))) {
                continue;
            }
            if (++rows > MOST_ROWS) {
                return new Parsed(List.of(), 0, 0, List.of(new RowFault(i + 1, FieldFault.of("file",
                        "phr.vitals.csv.tooMany", MOST_ROWS))));
            }
            reading.row(i + 1, cells(line));
        }
        return reading.parsed();
    }

    private static boolean header(String line) {
        String first = line.strip();
        return first.startsWith("日時") || first.toLowerCase(Locale.ROOT).startsWith("datetime")
                || first.startsWith("\"日時") || first.toLowerCase(Locale.ROOT).startsWith("\"datetime");
    }

    /** The cells of one line ({@link CsvReader}: comma-separated, a cell in double quotes may hold commas), stripped. */
    static List<String> cells(String line) {
        List<CsvReader.CsvRecord> records = CsvReader.records(line);
        return records.isEmpty() ? List.of("") : records.getFirst().fields().stream().map(String::strip).toList();
    }

    /** The rows read so far: the good values by moment, blood pressure waiting for its other half, the faults. */
    private static final class Reading {
        private final Instant now;
        private final Map<LocalDateTime, Map<Vital, BigDecimal>> values = new LinkedHashMap<>();
        private final Map<LocalDateTime, Map<Vital, Integer>> pressures = new HashMap<>();
        private final Map<LocalDateTime, Map<Vital, BigDecimal>> pressureValues = new HashMap<>();
        private final Set<String> seen = new HashSet<>();
        private final List<RowFault> faults = new ArrayList<>();
        private int good;
        private int skipped;
        private boolean anyRow;

        Reading(Instant now) {
            this.now = now;
        }

        boolean noRowYet() {
            return !anyRow;
        }

        void row(int line, List<String> cells) {
            anyRow = true;
            if (cells.size() < 3 || cells.size() > 4) {
                faults.add(new RowFault(line, FieldFault.of("row", "phr.vitals.csv.columns")));
                return;
            }
            Optional<Vital> measure = Vital.ofKey(cells.get(1));
            if (measure.isEmpty()) {
                faults.add(new RowFault(line, FieldFault.of("measure", "phr.vitals.csv.measure", cells.get(1))));
                return;
            }
            Vital vital = measure.get();
            if (!vital.entered()) {
                skipped++;
                return;
            }
            List<FieldFault> found = new ArrayList<>();
            Optional<LocalDateTime> at = Plausibility.moment(cells.get(0), now, found);
            Plausibility.fault(vital, cells.get(2)).ifPresent(found::add);
            String unit = cells.size() == 4 ? cells.get(3) : "";
            if (!unit.isEmpty() && !unit.equals(vital.coding().ucum()) && !unit.equals(VitalObservations.unitText(vital))) {
                found.add(FieldFault.of(vital.key(), "phr.vitals.csv.unit", vital.coding().ucum()));
            }
            if (found.isEmpty() && !seen.add(vital.key() + "\u001f" + (vital.daily() ? at.get().toLocalDate()
                    : at.get().withSecond(0).withNano(0)))) {
                found.add(FieldFault.of(vital.key(), "phr.vitals.csv.duplicate"));
            }
            if (!found.isEmpty()) {
                found.forEach(f -> faults.add(new RowFault(line, f)));
                return;
            }
            LocalDateTime moment = at.get().withSecond(0).withNano(0);
            BigDecimal value = Plausibility.value(vital, cells.get(2)).orElseThrow();
            if (vital.bloodPressure()) {
                pressures.computeIfAbsent(moment, m -> new EnumMap<>(Vital.class)).put(vital, line);
                pressureValues.computeIfAbsent(moment, m -> new EnumMap<>(Vital.class)).put(vital, value);
            } else {
                values.computeIfAbsent(moment, m -> new EnumMap<>(Vital.class)).put(vital, value);
                good++;
            }
        }

        Parsed parsed() {
            pressures.forEach((moment, lines) -> {
                Map<Vital, BigDecimal> pair = pressureValues.get(moment);
                if (lines.size() < 2) {
                    lines.values().forEach(line -> faults.add(new RowFault(line, FieldFault.of("bloodPressure",
                            "phr.vitals.fault.pair"))));
                } else if (pair.get(Vital.SYSTOLIC).compareTo(pair.get(Vital.DIASTOLIC)) <= 0) {
                    lines.values().forEach(line -> faults.add(new RowFault(line, FieldFault.of("bloodPressure",
                            "phr.vitals.fault.order"))));
                } else {
                    values.computeIfAbsent(moment, m -> new EnumMap<>(Vital.class)).putAll(pair);
                    good += 2;
                }
            });
            faults.sort(Comparator.comparingInt(RowFault::line));
            List<VitalsEntry> entries = values.entrySet().stream().map(e -> new VitalsEntry(e.getKey(), e.getValue()))
                    .toList();
            return new Parsed(entries, good, skipped, faults);
        }
    }
}
