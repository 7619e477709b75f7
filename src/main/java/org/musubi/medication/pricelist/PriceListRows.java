package org.musubi.medication.pricelist;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import org.musubi.text.Undecodable;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.musubi.medication.Drug;
import org.musubi.medication.DrugKind;
import org.musubi.medication.DrugNames;

/**
 * Turns the rows of each sheet into products: finds the sheet's header row by its names (rows above it
 * are titles and notes), then checks each row; a bad row becomes a problem and the rest go on.
 */
final class PriceListRows implements RowSink {

    private static final Pattern CODE = Pattern.compile("[0-9A-Z]{12}");
    private static final Pattern PRICE = Pattern.compile("\\d+(\\.\\d{1,2})?");
    private static final Pattern SERIAL_DATE = Pattern.compile("\\d{5}");
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private final String file;
    private final List<Drug> drugs = new ArrayList<>();
    private final List<PriceListProblem> problems = new ArrayList<>();
    private final Set<DrugKind> kinds = EnumSet.noneOf(DrugKind.class);
    private final Map<String, Integer> seen = new HashMap<>();
    private String sheet;
    private Map<Column, Integer> columns;
    private boolean anyHeader;

    PriceListRows(String file) {
        this.file = file;
    }

    @Override
    public void row(String sheetName, int rowNumber, List<String> cells) {
        if (!sheetName.equals(sheet)) {
            sheet = sheetName;
            columns = null;
        }
        if (columns == null) {
            columns = header(cells);
            anyHeader |= columns != null;
        } else if (cells.stream().anyMatch(c -> !c.isBlank())) {
            product(rowNumber, cells).ifPresent(this::add);
        }
    }

    @Override
    public void undecodable(String sheetName, int rowNumber, Undecodable where) {
        problems.add(PriceListProblem.of(file, sheetName, rowNumber, null, "text.undecodable", String.valueOf(where.line()),
                String.valueOf(where.column()), String.valueOf(where.offset()), where.bytes(), where.charset()));
    }

    boolean anyHeader() {
        return anyHeader;
    }

    PriceList result() {
        return new PriceList(file, List.copyOf(drugs), List.copyOf(problems), Set.copyOf(kinds));
    }

    /** The columns of a header row: one with the code, 品名 and 薬価 columns; null for any other row. */
    private static Map<Column, Integer> header(List<String> cells) {
        Map<Column, Integer> found = new EnumMap<>(Column.class);
        for (int i = 0; i < cells.size(); i++) {
            int index = i;
            Column.of(cells.get(i)).ifPresent(column -> found.putIfAbsent(column, index));
        }
        return found.containsKey(Column.CODE) && found.containsKey(Column.PRODUCT) && found.containsKey(Column.PRICE)
                ? found : null;
    }

    private Optional<Drug> product(int row, List<String> cells) {
        String code = DrugNames.code(cell(cells, Column.CODE));
        if (!CODE.matcher(code).matches()) {
            return problem(row, Column.CODE, "medication.problem.code", cell(cells, Column.CODE).strip());
        }
        String product = cell(cells, Column.PRODUCT).strip();
        if (product.isEmpty()) {
            return problem(row, Column.PRODUCT, "medication.problem.name", code);
        }
        String rawPrice = cell(cells, Column.PRICE);
        String price = DrugNames.normalize(rawPrice).replace(",", "").replace("円", "");
        if (!PRICE.matcher(price).matches()) {
            return problem(row, Column.PRICE, "medication.problem.price", rawPrice.strip());
        }
        String label = cell(cells, Column.KIND).strip();
        Optional<DrugKind> kind = label.isEmpty() ? DrugKind.ofLabel(sheet).or(() -> DrugKind.ofCode(code))
                : DrugKind.ofLabel(label);
        if (kind.isEmpty()) {
            return problem(row, Column.KIND, "medication.problem.kind", label);
        }
        Integer first = seen.putIfAbsent(code, row);
        if (first != null) {
            return problem(row, Column.CODE, "medication.problem.duplicate", code, Integer.toString(first));
        }
        return Optional.of(new Drug(code, kind.get(), text(cells, Column.INGREDIENT), text(cells, Column.STANDARD), product,
                text(cells, Column.MAKER), new BigDecimal(price).setScale(2), marked(cells, Column.GENERIC), text(cells, Column.BRAND),
                marked(cells, Column.BRAND_WITH_GENERIC), date(text(cells, Column.TRANSITIONAL)),
                text(cells, Column.REMARKS), true));
    }

    private void add(Drug drug) {
        drugs.add(drug);
        kinds.add(drug.kind());
    }

    private Optional<Drug> problem(int row, Column column, String key, Object... args) {
        problems.add(PriceListProblem.of(file, sheet, row, column.header, key, args));
        return Optional.empty();
    }

    private String cell(List<String> cells, Column column) {
        Integer index = columns.get(column);
        return index == null || index >= cells.size() || cells.get(index) == null ? "" : cells.get(index);
    }

    /** A cell's text with its line breaks (wrapped Japanese text) and surrounding spaces removed; null when blank. */
    private String text(List<String> cells, Column column) {
        String text = cell(cells, column).replaceAll("[\\r\\n]+", "").strip();
        return text.isEmpty() ? null : text;
    }

    /** A flag column: anything printed in it (○, ★, 後発品 ...) marks the row. */
    private boolean marked(List<String> cells, Column column) {
        return text(cells, column) != null;
    }

    /** A date cell that came from Excel as a day number becomes an ISO date; text stays as printed. */
    private static String date(String value) {
        if (value != null && SERIAL_DATE.matcher(value).matches()) {
            return EXCEL_EPOCH.plusDays(Long.parseLong(value)).toString();
        }
        return value;
    }
}
