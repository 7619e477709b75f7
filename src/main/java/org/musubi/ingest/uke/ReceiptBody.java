package org.musubi.ingest.uke;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one receipt's records say, read field by field (a field Musubi needs that cannot be taken is a {@link UkeFault};
 * one it does not store is a warning, {@link #warnings}): diagnoses (SY; DPC SB), items (医科 SI, IY, TO with their day
 * columns; 調剤: per 処方 (SH) its dispensings (CZ) and its drugs and materials (IY, TO)), comments (CO, placed on their
 * items by {@link ReceiptComments}; SJ and comments of no item are the receipt's) and the DPC stay (BU). {@link #end()}
 * closes the last 調剤 処方 and places the comments.
 */
final class ReceiptBody {

    /** The fields of the day columns: SI and IY 14–44, TO 18–48 (1日の情報 … 31日の情報). */
    private static final int SI_DAYS = 14;
    private static final int TO_DAYS = 18;

    /**
     * A diagnosis. SY: 2 傷病名コード, 3 診療開始日, 4 転帰区分, 5 修飾語コード, 6 傷病名称, 7 主傷病, 8 補足コメント. DPC SB:
     * 2 傷病名コード, 3 修飾語コード, 4 傷病名称, 5 ICD10コード, 6 傷病名区分, 7 死因, 8 補足コメント ({@code icd10} and
     * {@code dpcRole} are SB's alone).
     */
    record Diagnosis(int line, String code, LocalDate onset, String outcome, List<String> modifiers, String name,
                     boolean main, String supplement, String icd10, String dpcRole) {
    }

    /** A comment: its 診療識別 (may be null), コメントコード (may be null) and 文字データ (may be null). */
    record Comment(int line, String category, String code, String text) {
    }

    /**
     * An item: its record type (SI, IY, TO), 診療識別 (carried from the item before when blank; {@code written}: as the
     * record writes it, or null), code, 使用量 or 数量データ as sent (may be null), 回数, the count on each day (empty: the
     * receipt does not date it), the 商品名 of a TO, and its comments. {@code closes}: it records the 点数 (field 6), which
     * the 記録条件仕様 writes on the last record of a 点数・回数算定単位 (a 剤) alone. 調剤: the category is the 処方No, the
     * count the 調剤数量 and the one day the CZ's 調剤年月日; {@code rp} says the 処方's 剤形, 用法 and 特別指示 (null for
     * 医科).
     */
    record Item(int line, String type, String category, String written, boolean closes, String code, BigDecimal amount,
                Integer count, SortedMap<Integer, Integer> days, String productName, Prescription rp, List<Comment> comments) {
    }

    /**
     * A 調剤 処方 (SH): 2 処方No, 3 剤形 (別表: 1 内服, 2 内滴, 3 屯服, 4 注射, 5 外用, 6 浸煎, 7 湯, 9 材料; another code is
     * kept as sent, with a warning), 4 用法 (別表コード), 5 特別指示.
     */
    record Prescription(String number, String form, String usageCode, String instruction) {

        /** 内服, 内滴, 浸煎 and 湯 are dispensed in days, so their 調剤数量 is the days supplied. */
        boolean daily() {
            return form != null && form.length() == 1 && "1267".contains(form);
        }

        /** 屯服: its 使用量 is one dose. */
        boolean asNeeded() {
            return "3".equals(form);
        }
    }

    /** A DPC stay (BU): 2 診断群分類番号, 3 今回入院年月日, 4 今回退院年月日 (may be null). */
    record Stay(int line, String group, LocalDate admitted, LocalDate discharged) {
    }

    /** A 調剤 dispensing (CZ): 2 医師No, 3 処方箋交付年月日 (処方月日), 4 調剤年月日, 5 処方箋受付回, 6 調剤数量. */
    private record Dispensing(LocalDate dispensed, Integer quantity) {
    }

    /** A 調剤 drug (IY: 2 負担区分, 3 医薬品コード, 4 使用量) or material (TO: 3 特定器材コード, 4 使用量, 7 特定器材名称). */
    private record Drug(int line, String type, String code, BigDecimal amount, String name, List<Comment> comments) {
    }

    /** A CO record in its place among the items (医科), its 診療識別 as written (may be null). */
    record Placed(Comment comment) {
    }

    final List<Diagnosis> diagnoses = new ArrayList<>();
    final List<Item> items = new ArrayList<>();
    final List<Comment> comments = new ArrayList<>();
    final List<Stay> stays = new ArrayList<>();
    /** Fields Musubi does not store that could not be read, and what was done: warnings, never a rejection. */
    final List<UkeFault> warnings = new ArrayList<>();
    private final YearMonth month;
    private final UkeLayout layout;
    private String category;
    /** 医科: the items and the CO records in file order, for {@link ReceiptComments}. */
    private final List<Object> order = new ArrayList<>();
    private Prescription rp;
    private int rpLine;
    private final List<Dispensing> dispensings = new ArrayList<>();
    private final List<Drug> drugs = new ArrayList<>();
    /** 調剤: the comments of the open 処方 before its first drug (the 処方's, every drug's). */
    private final List<Comment> rpComments = new ArrayList<>();
    private List<Comment> lastComments;

    ReceiptBody(UkeLayout layout, YearMonth month) {
        this.layout = layout;
        this.month = month;
    }

    void add(UkeLine line) {
        if (layout == UkeLayout.PHARMACY) {
            pharmacy(line);
            return;
        }
        switch (line.type()) {
            case "SY" -> diagnosis(line);
            case "SB" -> dpcDiagnosis(line);
            case "SI", "IY", "TO" -> order.add(item(line));
            case "CO" -> comment(line, line.digits(2, "診療識別", 2), 4).ifPresent(c -> order.add(new Placed(c)));
            case "SJ" -> {
                String text = line.optional(3);
                if (text == null) {
                    warnings.add(line.fault("症状詳記データ", "uke.warn.empty", "SJ"));
                } else {
                    comments.add(new Comment(line.number(), null, line.optional(2), text));
                }
            }
            case "BU" -> stays.add(new Stay(line.number(), line.required(2, "診断群分類番号"),
                    line.date(3, "今回入院年月日"), line.date(4, "今回退院年月日")));
            default -> {
                // a record Musubi does not map (warned of by ReceiptRecord)
            }
        }
    }

    private void diagnosis(UkeLine line) {
        String code = line.requiredDigits(2, "傷病名コード", 7);
        String outcome = line.digits(4, "転帰区分", 1);
        if (outcome != null && !"1234".contains(outcome)) {
            throw line.fault("転帰区分", "uke.field.code", "転帰区分", outcome);
        }
        String name = line.optional(6);
        if (code.equals("0000999") && name == null) {
            throw line.fault("傷病名称", "uke.diagnosis.name");
        }
        String main = line.digits(7, "主傷病", 2);
        diagnoses.add(new Diagnosis(line.number(), code, line.date(3, "診療開始日"), outcome == null ? "1" : outcome,
                modifiers(line, 5), name, "01".equals(main), line.optional(8), null, null));
    }

    private void dpcDiagnosis(UkeLine line) {
        String code = line.requiredDigits(2, "傷病名コード", 7);
        String name = line.optional(4);
        if (code.equals("0000999") && name == null) {
            throw line.fault("傷病名称", "uke.diagnosis.name");
        }
        String icd10 = line.required(5, "ICD10コード");
        if (!icd10.matches("[A-Z][0-9][0-9A-Z.*+-]{1,4}")) {
            throw line.fault("ICD10コード", "uke.field.code", "ICD10コード", icd10);
        }
        String role = line.requiredDigits(6, "傷病名区分", 2);
        String death = line.optional(7);
        if (death != null && !death.matches("[0-9]")) {
            warnings.add(line.fault("死因", "uke.warn.notStored", "死因", death));
        }
        diagnoses.add(new Diagnosis(line.number(), code, null, "1", modifiers(line, 3), name, false, line.optional(8),
                icd10, role));
    }

    /** The 修飾語コード field: 4-digit codes run together. */
    private static List<String> modifiers(UkeLine line, int field) {
        String text = line.digits(field, "修飾語コード");
        List<String> modifiers = new ArrayList<>();
        if (text != null) {
            if (text.length() % 4 != 0) {
                throw line.fault("修飾語コード", "uke.field.length", "修飾語コード", text);
            }
            for (int i = 0; i < text.length(); i += 4) {
                modifiers.add(text.substring(i, i + 4));
            }
        }
        return List.copyOf(modifiers);
    }

    private Item item(UkeLine line) {
        String type = line.type();
        String sent = line.digits(2, "診療識別", 2);
        if (sent != null) {
            category = sent;
        }
        String codeName = switch (type) {
            case "SI" -> "診療行為コード";
            case "IY" -> "医薬品コード";
            default -> "特定器材コード";
        };
        String code = line.requiredDigits(4, codeName, 9);
        BigDecimal amount = line.decimal(5, type.equals("SI") ? "数量データ" : "使用量");
        Integer count = line.integer(7, "回数");
        int first = type.equals("TO") ? TO_DAYS : SI_DAYS;
        SortedMap<Integer, Integer> days = new TreeMap<>();
        for (int day = 1; day <= 31; day++) {
            Integer times = line.integer(first + day - 1, day + "日の情報");
            if (times == null || times == 0) {
                continue;
            }
            if (day > month.lengthOfMonth()) {
                throw line.fault(day + "日の情報", "uke.day.outside", day, month.toString());
            }
            days.put(day, times);
        }
        List<Comment> own = new ArrayList<>();
        int commentAt = type.equals("TO") ? 12 : 8;
        for (int i = 0; i < 3; i++) {
            String commentCode = line.digits(commentAt + 2 * i, "コメントコード" + (i + 1), 9);
            String text = line.optional(commentAt + 2 * i + 1);
            if (commentCode != null || text != null) {
                own.add(new Comment(line.number(), category, commentCode, text));
            }
        }
        Item item = new Item(line.number(), type, category, sent, line.optional(6) != null, code, amount, count, days,
                type.equals("TO") ? line.optional(11) : null, null, own);
        items.add(item);
        return item;
    }

    /**
     * 調剤 records: SH opens a 処方, the CZ after it are its dispensings this month, the IY and TO its drugs and
     * materials (each dispensed on every CZ's day). A CO (2 コメントコード, 3 文字データ) after a drug belongs to that
     * drug; one after the SH and before its first drug to the 処方, so to each of its drugs; one before any SH to the
     * receipt.
     */
    private void pharmacy(UkeLine line) {
        switch (line.type()) {
            case "SH" -> {
                endRp();
                String number = line.requiredDigits(2, "処方No");
                String form = line.requiredDigits(3, "剤形", 1);
                if (!"12345679".contains(form)) {
                    warnings.add(line.fault("剤形", "uke.warn.formUnknown", form));
                }
                rp = new Prescription(number, form, line.digits(4, "用法"), line.optional(5));
                rpLine = line.number();
            }
            case "CZ" -> {
                requireRp(line);
                String prescribed = line.optional(3);
                if (prescribed == null || UkeDates.date(prescribed).isEmpty()) {
                    warnings.add(line.fault("処方月日", "uke.warn.notStored", "処方月日", prescribed == null ? "" : prescribed));
                }
                LocalDate dispensed = line.date(4, "調剤月日");
                if (dispensed == null) {
                    throw line.fault("調剤月日", "uke.field.missing", "調剤月日");
                }
                if (!YearMonth.from(dispensed).equals(month)) {
                    throw line.fault("調剤月日", "uke.day.outside", dispensed.getDayOfMonth(), month.toString());
                }
                dispensings.add(new Dispensing(dispensed, line.integer(6, "調剤数量")));
            }
            case "IY", "TO" -> {
                requireRp(line);
                boolean drug = line.type().equals("IY");
                String code = line.requiredDigits(3, drug ? "医薬品コード" : "特定器材コード", 9);
                Drug item = new Drug(line.number(), line.type(), code, line.decimal(4, "使用量"),
                        drug ? null : line.optional(7), new ArrayList<>());
                drugs.add(item);
                lastComments = item.comments();
            }
            case "CO" -> comment(line, null, 2).ifPresent(c -> (lastComments != null ? lastComments
                    : rp != null ? rpComments : comments).add(c));
            default -> lastComments = null;
        }
    }

    private void requireRp(UkeLine line) {
        if (rp == null) {
            throw line.fault("処方No", "uke.pharmacy.noRp", line.type());
        }
    }

    /** Closes the open 調剤 処方 (each of its drugs and materials becomes an item per dispensing) and places the comments. */
    void end() {
        if (layout == UkeLayout.MEDICAL) {
            ReceiptComments.place(order, comments);
            order.clear();
            return;
        }
        endRp();
    }

    private void endRp() {
        if (rp == null) {
            return;
        }
        if (dispensings.isEmpty() && !drugs.isEmpty()) {
            throw new UkeFault(new UkeLine(rpLine, "SH", List.of("SH")), "調剤月日", "uke.pharmacy.noDispensing", rp.number());
        }
        for (Drug drug : drugs) {
            List<Comment> all = new ArrayList<>(rpComments);
            all.addAll(drug.comments());
            for (Dispensing d : dispensings) {
                items.add(new Item(drug.line(), drug.type(), rp.number(), rp.number(), false, drug.code(), drug.amount(),
                        d.quantity(), new TreeMap<>(Map.of(d.dispensed().getDayOfMonth(), 1)), drug.name(), rp, all));
            }
        }
        if (drugs.isEmpty()) {
            comments.addAll(rpComments);
        }
        rp = null;
        dispensings.clear();
        drugs.clear();
        rpComments.clear();
        lastComments = null;
    }

    /**
     * A comment: its コメントコード at {@code codeField} and 文字データ after it. A CO with neither carries nothing to store:
     * a warning, and the receipt is read on.
     */
    private Optional<Comment> comment(UkeLine line, String category, int codeField) {
        String code = line.digits(codeField, "コメントコード", 9);
        String text = line.optional(codeField + 1);
        if (code == null && text == null) {
            warnings.add(line.fault("コメントコード", "uke.warn.empty", "CO"));
            return Optional.empty();
        }
        return Optional.of(new Comment(line.number(), category, code, text));
    }
}
