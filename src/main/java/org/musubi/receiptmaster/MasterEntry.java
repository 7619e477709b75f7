package org.musubi.receiptmaster;

import java.util.List;
import java.util.Objects;

/**
 * One code of a receipt master and what Musubi reads of it: its name (漢字名称; a disease's 基本名称), the unit its
 * amounts are counted in (医薬品, 診療行為 and 特定器材: 単位漢字名称, e.g. 錠, ｍＬ, 回), a drug's YJ code (薬価基準収載
 * 医薬品コード, which the drug master and the duplicate checks key on), and a comment's pattern (10 free text, 20 fixed
 * text, 30 fixed text and free text, 31 and 90 modifiers, 40 digits set into the text, 50 a date …) with the places
 * its digits go ({@link Embed}).
 */
public record MasterEntry(MasterKind kind, String code, String name, String unit, String yjCode, String commentPattern,
                          List<Embed> embeds) {

    public MasterEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(code, "code");
        name = name == null ? "" : name;
        embeds = embeds == null ? List.of() : List.copyOf(embeds);
    }

    /** A plain entry: a name and nothing else. */
    public static MasterEntry named(MasterKind kind, String code, String name) {
        return new MasterEntry(kind, code, name, null, null, null, List.of());
    }

    public MasterKey key() {
        return new MasterKey(kind, code);
    }

    /**
     * Where a comment of pattern 40 takes its digits: the 1-based character position in the name (レセプト編集情報 カラム
     * 位置) and how many characters (桁数).
     */
    public record Embed(int position, int digits) {
    }
}
