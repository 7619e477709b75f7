package org.musubi.medication;

import java.util.Optional;

/** 区分 of the drug price list: the four tables of the 薬価基準. */
public enum DrugKind {
    ORAL("内用薬"), INJECTION("注射薬"), TOPICAL("外用薬"), DENTAL("歯科用薬剤");

    private final String japanese;

    DrugKind(String japanese) {
        this.japanese = japanese;
    }

    /** As the list prints it: 内用薬, 注射薬, 外用薬, 歯科用薬剤. */
    public String japanese() {
        return japanese;
    }

    /** The kind a 区分 cell or a sheet name names (spaces ignored), if any. */
    public static Optional<DrugKind> ofLabel(String label) {
        if (label == null) {
            return Optional.empty();
        }
        String plain = DrugNames.normalize(label);
        for (DrugKind kind : values()) {
            if (plain.contains(kind.japanese)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /**
     * The route the code's ingredient part says (characters 5–7: 001–399 oral, 400–699 injection,
     * 700–999 topical). Dental drugs use the same numbers, so they are only known from 区分 or the sheet.
     */
    public static Optional<DrugKind> ofCode(String code) {
        if (code == null || code.length() < 7 || !code.substring(4, 7).chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        int route = Integer.parseInt(code.substring(4, 7));
        return Optional.of(route < 400 ? ORAL : route < 700 ? INJECTION : TOPICAL);
    }
}
