package org.musubi.ingest.uke;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one receipt's records say, read field by field (a field that cannot be taken is a {@link UkeFault}):
 * diagnoses (SY), items (医科 SI, IY, TO with their day columns; 調剤 IY of a 剤 whose SH gives the 用法, 調剤数量 and
 * 調剤年月日), comments (CO after an item belong to it, other CO and SJ to the receipt) and the DPC stay (BU).
 */
final class ReceiptBody {

    /** The fields of the day columns: SI and IY 14–44, TO 18–48 (1日の情報 … 31日の情報). */
    private static final int SI_DAYS = 14;
    private static final int TO_DAYS = 18;

    /** A diagnosis (SY): 2 傷病名コード, 3 診療開始日, 4 転帰区分, 5 修飾語コード, 6 傷病名称, 7 主傷病, 8 補足コメント. */
    record Diagnosis(int line, String code, LocalDate onset, String outcome, List<String> modifiers, String name,
                     boolean main, String supplement) {
    }

    /** A comment: its 診療識別 (may be null), コメントコード (may be null) and 文字データ (may be null). */
    record Comment(int line, String category, String code, String text) {
    }

    /**
     * An item: its record type (SI, IY, TO), 診療識別 (carried from the item before when blank), code, 使用量 or 数量データ
     * as sent (may be null), 回数, the count on each day (empty: the receipt does not date it), the 商品名 of a TO, and
     * its comments. 調剤: the 剤's 用法 and 調剤数量 and the day it was dispensed.
     */
    record Item(int line, String type, String category, String code, BigDecimal amount, Integer count,
                SortedMap<Integer, Integer> days, String productName, String usage, List<Comment> comments) {
    }

    /** A DPC stay (BU): 2 診断群分類番号, 3 今回入院年月日, 4 今回退院年月日 (may be null). */
    record Stay(int line, String group, LocalDate admitted, LocalDate discharged) {
    }

    /** A 調剤 剤 (SH): 2 剤番号, 3 用法コード, 4 用法, 5 調剤数量, 6 調剤年月日. */
    private record Rp(String usageCode, String usage, Integer quantity, LocalDate dispensed) {
    }

    final List<Diagnosis> diagnoses = new ArrayList<>();
    final List<Item> items = new ArrayList<>();
    final List<Comment> comments = new ArrayList<>();
    final List<Stay> stays = new ArrayList<>();
    private final Map<String, Rp> rps = new LinkedHashMap<>();
    private final YearMonth month;
    private final UkeLayout layout;
    private String category;
    private Item last;

    ReceiptBody(UkeLayout layout, YearMonth month) {
        this.layout = layout;
        this.month = month;
    }

    void add(UkeLine line) {
        switch (line.type()) {
            case "SY" -> {
                diagnosis(line);
                last = null;
            }
            case "SI", "IY", "TO" -> {
                if (layout == UkeLayout.PHARMACY && line.type().equals("IY")) {
                    dispensed(line);
                } else {
                    item(line);
                }
            }
            case "SH" -> rp(line);
            case "CO" -> comment(line);
            case "SJ" -> {
                comments.add(new Comment(line.number(), null, line.optional(2), line.required(3, "症状詳記データ")));
                last = null;
            }
            case "BU" -> stays.add(new Stay(line.number(), line.required(2, "診断群分類番号"),
                    line.date(3, "今回入院年月日"), line.date(4, "今回退院年月日")));
            default -> last = null;
        }
    }

    private void diagnosis(UkeLine line) {
        String code = line.requiredDigits(2, "傷病名コード", 7);
        String outcome = line.digits(4, "転帰区分", 1);
        if (outcome != null && !"1234".contains(outcome)) {
            throw line.fault("転帰区分", "uke.field.code", "転帰区分", outcome);
        }
        String modifierText = line.digits(5, "修飾語コード");
        List<String> modifiers = new ArrayList<>();
        if (modifierText != null) {
            if (modifierText.length() % 4 != 0) {
                throw line.fault("修飾語コード", "uke.field.length", "修飾語コード", modifierText);
            }
            for (int i = 0; i < modifierText.length(); i += 4) {
                modifiers.add(modifierText.substring(i, i + 4));
            }
        }
        String name = line.optional(6);
        if (code.equals("0000999") && name == null) {
            throw line.fault("傷病名称", "uke.diagnosis.name");
        }
        String main = line.digits(7, "主傷病", 2);
        diagnoses.add(new Diagnosis(line.number(), code, line.date(3, "診療開始日"), outcome == null ? "1" : outcome,
                List.copyOf(modifiers), name, "01".equals(main), line.optional(8)));
    }

    private void item(UkeLine line) {
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
        last = new Item(line.number(), type, category, code, amount, count, days,
                type.equals("TO") ? line.optional(11) : null, null, own);
        items.add(last);
    }

    private void rp(UkeLine line) {
        String number = line.requiredDigits(2, "剤番号");
        LocalDate dispensed = line.date(6, "調剤年月日");
        if (dispensed == null) {
            throw line.fault("調剤年月日", "uke.field.missing", "調剤年月日");
        }
        if (!YearMonth.from(dispensed).equals(month)) {
            throw line.fault("調剤年月日", "uke.day.outside", dispensed.getDayOfMonth(), month.toString());
        }
        rps.put(number, new Rp(line.optional(3), line.optional(4), line.integer(5, "調剤数量"), dispensed));
        last = null;
    }

    private void dispensed(UkeLine line) {
        String number = line.requiredDigits(2, "剤番号");
        Rp rp = rps.get(number);
        if (rp == null) {
            throw line.fault("剤番号", "uke.pharmacy.noRp", number);
        }
        String code = line.requiredDigits(3, "医薬品コード", 9);
        SortedMap<Integer, Integer> days = new TreeMap<>(Map.of(rp.dispensed().getDayOfMonth(), 1));
        String usage = rp.usage() == null ? rp.usageCode() : rp.usage();
        last = new Item(line.number(), "IY", number, code, line.decimal(4, "使用量"), rp.quantity(), days, null, usage,
                new ArrayList<>());
        items.add(last);
    }

    private void comment(UkeLine line) {
        String sent = line.digits(2, "診療識別", 2);
        String code = line.digits(4, "コメントコード", 9);
        String text = line.optional(5);
        if (code == null && text == null) {
            throw line.fault("コメントコード", "uke.field.missing", "コメントコード");
        }
        Comment comment = new Comment(line.number(), sent, code, text);
        if (last != null) {
            last.comments().add(comment);
        } else {
            comments.add(comment);
        }
    }
}
