package org.musubi.publish;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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

/**
 * The CSV layout a care office's care software exports for import (docs/no-ehr.md): a header row of
 * column names (any order; unknown columns are ignored), then one row per event. UTF-8 (with or without BOM) or
 * Shift_JIS (Windows-31J) — a file that is not valid UTF-8 is read as Shift_JIS. Each field is read as NFKC (full-width
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
    private static final Charset SHIFT_JIS = Charset.forName("windows-31j");

    private CareCsv() {
    }

    /** A row not stored: the file, its line (where its record starts; 1 = the header), the column at fault, why (a message key). */
    public record Problem(String file, int line, String column, String messageKey) {
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
        List<Record> records = records(decode(bytes));
        if (records.isEmpty()) {
            problems.add(new Problem(file, 1, "", "care.csv.empty"));
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

    /** UTF-8 (a BOM dropped) when the bytes are valid UTF-8, otherwise Shift_JIS (Windows-31J). */
    static String decode(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, SHIFT_JIS);
        }
    }

    /** RFC 4180 records: quoted fields may hold commas, quotes ("") and line breaks; CRLF or LF ends a record. */
    record Record(int line, List<String> fields) {
    }

    static List<Record> records(String text) {
        List<Record> records = new ArrayList<>();
        int physical = 1;
        int start = 1;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            any = true;
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        physical++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                records.add(new Record(start, fields));
                fields = new ArrayList<>();
                any = false;
                physical++;
                start = physical;
            } else {
                field.append(c);
            }
        }
        if (any) {
            fields.add(field.toString());
            records.add(new Record(start, fields));
        }
        return records;
    }
}
