package org.musubi.medication.pricelist;

import java.util.Optional;
import org.musubi.medication.DrugNames;

/**
 * The columns of the MHLW drug price list (薬価基準収載品目リスト) that the master keeps, recognised by
 * their header text with spaces and line breaks removed. Headers not named here (注, 局, 麻 ...) are ignored.
 */
enum Column {
    KIND("区分"), CODE("薬価基準収載医薬品コード"), INGREDIENT("成分名"), STANDARD("規格"), PRODUCT("品名"),
    MAKER("メーカー名"), GENERIC("診療報酬において加算等の算定対象となる後発医薬品"), BRAND("先発医薬品"),
    BRAND_WITH_GENERIC("同一剤形・規格の後発医薬品がある先発医薬品"), PRICE("薬価"),
    TRANSITIONAL("経過措置による使用期限"), REMARKS("備考");

    /** The header as MHLW prints it, used in problem messages. */
    final String header;

    Column(String header) {
        this.header = header;
    }

    /** The column a header cell names; tolerant of the variants seen over the years. */
    static Optional<Column> of(String cell) {
        String h = DrugNames.normalize(cell);
        if (h.isEmpty()) {
            return Optional.empty();
        }
        if (h.contains("医薬品コード") || h.equals("コード")) {
            return Optional.of(CODE);
        }
        if (h.contains("同一剤形")) {
            return Optional.of(BRAND_WITH_GENERIC);
        }
        if (h.contains("後発")) {
            return Optional.of(GENERIC);
        }
        if (h.contains("先発")) {
            return Optional.of(BRAND);
        }
        if (h.contains("経過措置")) {
            return Optional.of(TRANSITIONAL);
        }
        if (h.contains("メーカー")) {
            return Optional.of(MAKER);
        }
        if (h.startsWith("薬価") && !h.contains("基準")) {
            return Optional.of(PRICE);
        }
        for (Column column : values()) {
            if (h.equals(column.header)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }
}
