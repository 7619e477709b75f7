package org.musubi.secretariat.stats;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.musubi.text.csv.CsvReader;

/**
 * The area's population as the operator uploads it: a CSV in UTF-8 (a BOM is allowed), one municipality a line as
 * {@code municipality,population} (e.g. {@code 呉市,210000}); a first line whose second field is not a number is a
 * header and is skipped; blank lines are skipped. Every fault is reported with its line and field, and nothing is
 * loaded while any remains.
 */
public final class PopulationCsv {

    /** At most this many municipalities. */
    public static final int MAX_ROWS = 2_000;
    /** At most this many bytes. */
    public static final int MAX_BYTES = 256 * 1024;

    /** One fault: the line (1-based), the field ("municipality", "population" or "file") and what is wrong. */
    public record Fault(int line, String field, String messageKey, String value) {
    }

    /** The rows read, or the faults. */
    public record Parsed(List<StatisticsStore.Population> rows, List<Fault> faults) {

        public boolean ok() {
            return faults.isEmpty() && !rows.isEmpty();
        }
    }

    private PopulationCsv() {
    }

    public static Parsed parse(byte[] bytes) {
        List<Fault> faults = new ArrayList<>();
        if (bytes.length > MAX_BYTES) {
            return new Parsed(List.of(), List.of(new Fault(0, "file", "stats.population.fault.tooLarge", "")));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new Parsed(List.of(), List.of(new Fault(0, "file", "stats.population.fault.encoding", "")));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<StatisticsStore.Population> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean first = true;
        for (CsvReader.CsvRecord record : CsvReader.records(text)) {
            int lineNo = record.line();
            List<String> fields = record.fields();
            if (fields.size() == 1 && fields.getFirst().isBlank()) {
                continue;
            }
            if (fields.size() != 2) {
                faults.add(new Fault(lineNo, "file", "stats.population.fault.fields", String.valueOf(fields.size())));
                continue;
            }
            String name = fields.get(0).strip();
            String number = fields.get(1).strip().replace("_", "");
            boolean header = first && !number.chars().allMatch(c -> c >= '0' && c <= '9');
            first = false;
            if (header) {
                continue;
            }
            boolean good = true;
            if (name.isEmpty() || name.length() > 100) {
                faults.add(new Fault(lineNo, "municipality", "stats.population.fault.name", name));
                good = false;
            } else if (!seen.add(name)) {
                faults.add(new Fault(lineNo, "municipality", "stats.population.fault.duplicate", name));
                good = false;
            }
            long population = -1;
            if (number.isEmpty() || number.length() > 9 || !number.chars().allMatch(c -> c >= '0' && c <= '9')) {
                faults.add(new Fault(lineNo, "population", "stats.population.fault.number", number));
                good = false;
            } else {
                population = Long.parseLong(number);
                if (population <= 0) {
                    faults.add(new Fault(lineNo, "population", "stats.population.fault.number", number));
                    good = false;
                }
            }
            if (good) {
                rows.add(new StatisticsStore.Population(name, population));
            }
        }
        if (rows.size() > MAX_ROWS) {
            faults.add(new Fault(0, "file", "stats.population.fault.tooMany", String.valueOf(rows.size())));
        }
        if (rows.isEmpty() && faults.isEmpty()) {
            faults.add(new Fault(0, "file", "stats.population.fault.empty", ""));
        }
        return new Parsed(faults.isEmpty() ? List.copyOf(rows) : List.of(), List.copyOf(faults));
    }
}
