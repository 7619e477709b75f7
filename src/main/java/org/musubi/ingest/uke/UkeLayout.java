package org.musubi.ingest.uke;

import java.util.Set;

/**
 * The record layouts of the 記録条件仕様: 医科 (and DPC, which is a 医科 file whose receipts carry the DPC records) and
 * 調剤. Each names the record types Musubi maps, those it reads and knows carry nothing it stores (billing totals), and
 * the 点数表 its header must say. Any other record type is kept out with a warning.
 */
enum UkeLayout {
    /** 医科 and DPC: header IR, 点数表 1. */
    MEDICAL("1", Set.of("RE", "HO", "KO", "SN", "SY", "SI", "IY", "TO", "CO", "SJ", "BU"),
            Set.of("JD", "MF", "GO", "KH")),
    /** 調剤: header YK, 点数表 4. */
    PHARMACY("4", Set.of("RE", "HO", "KO", "SN", "SH", "CZ", "IY", "TO", "CO"),
            Set.of("JD", "MF", "GO", "KH"));

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
