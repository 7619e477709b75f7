package org.musubi.receiptmaster;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A receipt comment in words, as the 摘要欄 prints it: its コメントコード's text from the コメントマスター and the 文字データ
 * the receipt sends with it, joined the way the comment's pattern (パターン) says — 10 the free text alone, 20 the fixed
 * text alone, 31 and 90 the fixed text and the names of the 修飾語 codes sent as data, 40 the sent digits set into the
 * fixed text at the master's positions, 50 the fixed text and a date (和暦 GYYMMDD) written out, any other the fixed
 * text then the data. Nothing sent is dropped: data a pattern has no place for follows the text.
 */
public final class CommentText {

    private static final String[] ERAS = {null, "明治", "大正", "昭和", "平成", "令和"};

    private CommentText() {
    }

    /**
     * The comment's words.
     *
     * @param entry     the comment code's master entry, or {@code null} (no code, or a code the master lacks)
     * @param data      the 文字データ as sent, or {@code null}
     * @param modifiers the name of a 修飾語 code, or {@code null} when unknown
     */
    public static String of(MasterEntry entry, String data, Function<String, String> modifiers) {
        String sent = data == null ? "" : data.strip();
        if (entry == null) {
            return sent;
        }
        String fixed = entry.name().strip();
        String pattern = entry.commentPattern() == null ? "" : entry.commentPattern();
        if (sent.isEmpty()) {
            return fixed;
        }
        return switch (pattern) {
            case "10" -> fixed.isEmpty() ? sent : join(fixed, sent);
            case "31", "90" -> join(fixed, modifierNames(sent, modifiers));
            case "40" -> embedded(fixed, entry.embeds(), sent);
            case "50" -> join(fixed, date(sent));
            default -> join(fixed, sent);
        };
    }

    private static String join(String fixed, String data) {
        if (fixed.isEmpty()) {
            return data;
        }
        if (data.isEmpty()) {
            return fixed;
        }
        char last = fixed.charAt(fixed.length() - 1);
        return "：；:;（(　".indexOf(last) >= 0 ? fixed + data : fixed + "　" + data;
    }

    /** 修飾語 codes run together (4 digits each) as their names; a code the master lacks stays as sent. */
    private static String modifierNames(String data, Function<String, String> modifiers) {
        if (data.length() % 4 != 0 || !data.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return data;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < data.length(); i += 4) {
            String code = data.substring(i, i + 4);
            String name = modifiers.apply(code);
            out.append(name != null ? name : code);
        }
        return out.toString();
    }

    /**
     * The sent digits set into the fixed text: each {@link MasterEntry.Embed} takes the next {@code digits} characters of
     * the data (right-aligned, as the 記録条件仕様 writes numbers) in full-width into the text at {@code position}. When
     * the positions do not fit the text or the data, the data follows the text.
     */
    private static String embedded(String fixed, List<MasterEntry.Embed> embeds, String data) {
        List<MasterEntry.Embed> used = new ArrayList<>(embeds.stream().filter(e -> e.position() > 0 && e.digits() > 0)
                .toList());
        int needed = used.stream().mapToInt(MasterEntry.Embed::digits).sum();
        if (used.isEmpty() || needed != data.length()) {
            return join(fixed, data);
        }
        StringBuilder text = new StringBuilder(fixed);
        int taken = 0;
        for (MasterEntry.Embed embed : used) {
            int from = embed.position() - 1;
            int to = from + embed.digits();
            if (to > text.length()) {
                return join(fixed, data);
            }
            text.replace(from, to, fullWidth(data.substring(taken, taken + embed.digits())));
            taken += embed.digits();
        }
        return text.toString();
    }

    private static String fullWidth(String digits) {
        StringBuilder out = new StringBuilder();
        for (char c : digits.toCharArray()) {
            out.append(c >= '0' && c <= '9' ? (char) ('０' + (c - '0')) : c == ' ' ? '　' : c);
        }
        return out.toString();
    }

    /** 和暦 GYYMMDD (or 西暦 YYYYMMDD) written out (令和6年4月1日); anything else as sent. */
    private static String date(String data) {
        if (!data.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return data;
        }
        if (data.length() == 7 && data.charAt(0) >= '1' && data.charAt(0) <= '5') {
            return ERAS[data.charAt(0) - '0'] + Integer.parseInt(data.substring(1, 3)) + "年"
                    + Integer.parseInt(data.substring(3, 5)) + "月" + Integer.parseInt(data.substring(5, 7)) + "日";
        }
        if (data.length() == 8) {
            return Integer.parseInt(data.substring(0, 4)) + "年" + Integer.parseInt(data.substring(4, 6)) + "月"
                    + Integer.parseInt(data.substring(6, 8)) + "日";
        }
        return data;
    }
}
