package org.musubi.ingest.uke;

import java.time.YearMonth;

/**
 * The file's header: the 医療機関情報レコード (IR) of a 医科 or DPC file — 2 審査支払機関, 3 都道府県, 4 点数表,
 * 5 医療機関コード, 6 予備, 7 医療機関名称, 8 請求年月, 9 マルチボリューム識別情報, 10 電話番号 — or the 薬局情報レコード (YK)
 * of a 調剤 file, which has no 予備: 5 薬局コード, 6 薬局名称, 7 請求年月, 8 マルチボリューム識別情報, 9 電話番号.
 *
 * @param institutionCode the 10-digit code Musubi knows facilities by: 都道府県 + 点数表 + 7-digit code
 */
record UkeHeader(UkeLayout layout, String payer, String institutionCode, String name, YearMonth claimMonth) {

    static UkeHeader of(UkeLine line) {
        UkeLayout layout = line.type().equals("YK") ? UkeLayout.PHARMACY : UkeLayout.MEDICAL;
        String payer = line.requiredDigits(2, "審査支払機関", 1);
        String prefecture = line.requiredDigits(3, "都道府県", 2);
        String table = line.requiredDigits(4, "点数表", 1);
        if (!table.equals(layout.table())) {
            throw line.fault("点数表", "uke.header.table", table, line.type());
        }
        String code = line.requiredDigits(5, "医療機関コード", 7);
        int name = layout == UkeLayout.PHARMACY ? 6 : 7;
        return new UkeHeader(layout, payer, prefecture + table + code, line.optional(name), line.month(name + 1, "請求年月"));
    }
}
