package org.musubi.publish;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.musubi.text.ReportingReader;
import org.musubi.text.TextFiles;
import org.musubi.text.Undecodable;
import org.musubi.text.csv.CsvReader.CsvRecord;
import org.musubi.text.csv.CsvReader;

/**
 * The CSV layout a care office's care software exports for import (docs/no-ehr.md): a header row of
 * column names (any order; unknown columns are ignored), then one row per event. UTF-8 (with or without BOM) or
 * Shift_JIS (Windows-31J), told from the bytes and read strictly ({@link TextFiles}): a row holding bytes its charset
 * cannot read is a problem naming its line, column and place, never text with U+FFFD. Each field is read as NFKC (full-width
 * digits are digits). Every fault is a {@link Problem} naming the file, line and column; a row with any fault is not
 * stored.
 */
public final class CareCsv {

    /** The columns a file must have. */
    public static final List<String> REQUIRED = List.of("regional_id", "kind", "date", "time");
    /** Every column read. */
    public static final List<String> COLUMNS = List.of("regional_id", "kind", "date", "time", "duration_minutes",
            "services", "adl_meal", "adl_toilet", "adl_bathing", "adl_mobility", "systolic", "diastolic", "pulse",
            "temperature", "spo2", "weight", "incident_kind", "severity", "note");
    /** The most rows read from one file. */
    public static final int MAX_ROWS = 10_000;

    private CareCsv() {
    }

    /**
     * A row not stored: the file, its line (where its record starts; 1 = the header), the column at fault, why (a
     * message key and its arguments).
     */
    public record Problem(String file, int line, String column, String messageKey, List<String> args) {

        public Problem {
            args = List.copyOf(args);
        }

        public Problem(String file, int line, String column, String messageKey) {
            this(file, line, column, messageKey, List.of());
        }
    }

    /** A valid row: its line, the person's regional ID and the event. */
    public record Row(int line, String regionalId, CareEvent event) {
    }

    /** A file read: the valid rows and every problem. */
    public record Parsed(String file, List<Row> rows, List<Problem> problems) {
    }

    public static Parsed parse(String fileName, byte[] bytes) {
        String file = fileName == null || fileName.isBlank() ? "upload.csv" : fileName;
        List<Row> rows = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        TextFiles.Read read = TextFiles.utf8OrShiftJis(bytes);
        List<CsvRecord> records = CsvReader.records(read.text());
        if (records.isEmpty()) {
            problems.add(new Problem(file, 1, "", "care.csv.empty"));
            return new Parsed(file, rows, problems);
        }
        Problem undecodableHeader = undecodable(file, read, records, 0, List.of());
        if (undecodableHeader != null) {
            problems.add(undecodableHeader);
            return new Parsed(file, rows, problems);
        }
        Map<String, Integer> header = new HashMap<>();
        List<String> names = records.getFirst().fields();
        for (int i = 0; i < names.size(); i++) {
            header.putIfAbsent(names.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        for (String required : REQUIRED) {
            if (!header.containsKey(required)) {
                problems.add(new Problem(file, 1, required, "care.csv.missingColumn"));
            }
        }
        if (!problems.isEmpty()) {
            return new Parsed(file, rows, problems);
        }
        for (int r = 1; r < records.size(); r++) {
            int line = records.get(r).line();
            if (r > MAX_ROWS) {
                problems.add(new Problem(file, line, "", "care.csv.tooManyRows"));
                break;
            }
            List<String> fields = records.get(r).fields();
            if (fields.size() == 1 && fields.getFirst().isBlank()) {
                continue;
            }
            Problem undecodable = undecodable(file, read, records, r, names);
            if (undecodable != null) {
                problems.add(undecodable);
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (String column : COLUMNS) {
                Integer at = header.get(column);
                String value = at == null || at >= fields.size() ? "" : Normalizer.normalize(fields.get(at),
                        Normalizer.Form.NFKC).strip();
                values.put(column, value);
            }
            List<String> faults = new ArrayList<>();
            CareEvent event = event(values, faults);
            if (event != null) {
                faults.addAll(event.faults());
            }
            if (values.get("regional_id").isEmpty()) {
                faults.add("regional_id");
            }
            if (faults.isEmpty()) {
                rows.add(new Row(line, values.get("regional_id"), event));
            } else {
                faults.stream().distinct().forEach(c -> problems.add(new Problem(file, line, c, "care.csv.invalid")));
            }
        }
        return new Parsed(file, rows, problems);
    }

    private static CareEvent event(Map<String, String> v, List<String> faults) {
        LocalDate date = null;
        LocalTime time = null;
        try {
            date = LocalDate.parse(v.get("date").replace('/', '-'));
        } catch (DateTimeParseException e) {
            faults.add("date");
        }
        try {
            time = LocalTime.parse(v.get("time").length() == 4 ? "0" + v.get("time") : v.get("time"));
        } catch (DateTimeParseException e) {
            faults.add("time");
        }
        LocalDateTime at = date == null || time == null ? null : LocalDateTime.of(date, time);
        String note = v.get("note").isEmpty() ? null : v.get("note");
        String kind = v.get("kind").toLowerCase(Locale.ROOT);
        if (at == null) {
            if (!List.of("visit", "adl", "vitals", "incident").contains(kind)) {
                faults.add("kind");
            }
            return null;
        }
        switch (kind) {
            case "visit" -> {
                Integer minutes = integer(v.get("duration_minutes"));
                Set<CareEvent.Service> services = EnumSet.noneOf(CareEvent.Service.class);
                for (String s : v.get("services").split(";")) {
                    if (s.isBlank()) {
                        continue;
                    }
                    try {
                        services.add(CareEvent.Service.valueOf(s.strip().toUpperCase(Locale.ROOT)));
                    } catch (IllegalArgumentException e) {
                        faults.add("services");
                    }
                }
                return new CareEvent.Visit(at, minutes == null ? 0 : minutes, services, note);
            }
            case "adl" -> {
                Map<String, String> answers = new LinkedHashMap<>();
                for (String item : CareEvent.ADL_ITEMS) {
                    String answer = v.get("adl_" + item).toLowerCase(Locale.ROOT);
                    if (!answer.isEmpty()) {
                        answers.put(item, answer);
                    }
                }
                return new CareEvent.Adl(at, answers, note);
            }
            case "vitals" -> {
                Map<CareMeasure, BigDecimal> values = new EnumMap<>(CareMeasure.class);
                for (CareMeasure m : CareMeasure.values()) {
                    String typed = v.get(m.key());
                    if (typed.isEmpty()) {
                        continue;
                    }
                    try {
                        values.put(m, new BigDecimal(typed));
                    } catch (NumberFormatException e) {
                        faults.add(m.key());
                    }
                }
                return new CareEvent.Vitals(at, values);
            }
            case "incident" -> {
                return new CareEvent.Incident(at, value(CareEvent.IncidentKind.class, v.get("incident_kind")),
                        value(CareEvent.Severity.class, v.get("severity")), note);
            }
            default -> {
                faults.add("kind");
                return null;
            }
        }
    }

    private static Integer integer(String text) {
        return text.matches("\\d{1,5}") ? Integer.valueOf(text) : null;
    }

    private static <E extends Enum<E>> E value(Class<E> type, String text) {
        try {
            return text.isEmpty() ? null : Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Record {@code r} as a problem when it holds bytes the file's charset (UTF-8, a BOM dropped, or Shift_JIS:
     * {@link TextFiles}) cannot read — naming the line, the column (by the header's name) and the place — or null.
     */
    private static Problem undecodable(String file, TextFiles.Read read, List<CsvRecord> records, int r, List<String> names) {
        int first = records.get(r).line();
        int last = r + 1 < records.size() ? records.get(r + 1).line() - 1 : Integer.MAX_VALUE;
        Undecodable where = read.faultOn(first, last);
        if (where == null) {
            return null;
        }
        List<String> fields = records.get(r).fields();
        String column = "";
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).indexOf(ReportingReader.MARK) >= 0) {
                column = i < names.size() ? names.get(i).strip() : String.valueOf(i + 1);
                break;
            }
        }
        return new Problem(file, where.line(), column, "text.undecodable", List.of(String.valueOf(where.line()),
                String.valueOf(where.column()), String.valueOf(where.offset()), where.bytes(), where.charset()));
    }
}
