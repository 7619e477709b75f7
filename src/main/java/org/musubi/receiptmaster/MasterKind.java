package org.musubi.receiptmaster;

import java.util.Optional;

/**
 * The six receipt masters, each named by the letter its files carry in column 2 (マスター種別) and keyed by a code of a
 * fixed number of digits: the 9-digit 医薬品, 診療行為, 特定器材 and コメント codes, the 7-digit 傷病名コード and the 4-digit
 * 修飾語コード.
 */
public enum MasterKind {
    /** 医科診療行為マスター: 診療行為コード (SI records). */
    PROCEDURE('S', "医科診療行為マスター", "medical procedure master", 9),
    /** 医薬品マスター: 医薬品コード (IY records). */
    MEDICATION('Y', "医薬品マスター", "drug master", 9),
    /** 特定器材マスター: 特定器材コード (TO records). */
    MATERIAL('T', "特定器材マスター", "material master", 9),
    /** 傷病名マスター: 傷病名コード (SY, SB records). */
    DISEASE('B', "傷病名マスター", "disease master", 7),
    /** 修飾語マスター: 修飾語コード (a diagnosis's prefixes and suffixes, some comments' data). */
    MODIFIER('Z', "修飾語マスター", "modifier master", 4),
    /** コメントマスター: コメントコード (CO records, the comment fields of SI, IY and TO). */
    COMMENT('C', "コメントマスター", "comment master", 9);

    private final char letter;
    private final String japanese;
    private final String english;
    private final int digits;

    MasterKind(char letter, String japanese, String english, int digits) {
        this.letter = letter;
        this.japanese = japanese;
        this.english = english;
        this.digits = digits;
    }

    /** The letter of column 2 of the master's files (S, Y, T, B, Z, C). */
    public char letter() {
        return letter;
    }

    public String japanese() {
        return japanese;
    }

    public String english() {
        return english;
    }

    /** How many digits the master's codes have. */
    public int digits() {
        return digits;
    }

    /** Whether {@code code} is a code of this master: exactly {@link #digits} ASCII digits. */
    public boolean accepts(String code) {
        return code != null && code.length() == digits && code.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** The master whose files carry {@code letter} in column 2. */
    public static Optional<MasterKind> ofLetter(String letter) {
        if (letter == null || letter.length() != 1) {
            return Optional.empty();
        }
        for (MasterKind kind : values()) {
            if (kind.letter == letter.charAt(0)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
