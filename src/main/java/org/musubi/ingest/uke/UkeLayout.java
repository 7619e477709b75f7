package org.musubi.ingest.uke;

import java.util.Set;

/**
 * The record layouts of the 記録条件仕様: 医科 (and DPC, which is a 医科 file whose receipts carry the DPC records) and
 * 調剤. Each names the record types Musubi maps, those it reads and knows carry nothing it stores (billing totals), and
 * the 点数表 its header must say. Any other record type is kept out with a warning.
 */
enum UkeLayout {
    /**
     * 医科 and DPC: header IR, 点数表 1. Billing only: 受診日等 (JD), 窓口負担額 (MF), 国保連固有情報 (KH); DPC's 外泊 (GA),
     * 包括評価 (HH) and 合計調整 (GT).
     */
    MEDICAL("1", Set.of("RE", "HO", "KO", "SN", "SY", "SI", "IY", "TO", "CO", "SJ", "BU", "SB"),
            Set.of("JD", "MF", "GO", "KH", "GA", "HH", "GT")),
    /** 調剤: header YK, 点数表 4. Billing only: JD, MF, 基本料・薬学管理料 (KI), 分割技術料 (ST). */
    PHARMACY("4", Set.of("RE", "HO", "KO", "SN", "SH", "CZ", "IY", "TO", "CO"),
            Set.of("JD", "MF", "GO", "KI", "ST"));

    private final String table;
    private final Set<String> mapped;
    private final Set<String> billingOnly;

    UkeLayout(String table, Set<String> mapped, Set<String> billingOnly) {
        this.table = table;
        this.mapped = mapped;
        this.billingOnly = billingOnly;
    }

    String table() {
        return table;
    }

    boolean maps(String type) {
        return mapped.contains(type);
    }

    boolean billingOnly(String type) {
        return billingOnly.contains(type);
    }
}
