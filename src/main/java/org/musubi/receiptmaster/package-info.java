/**
 * The receipt masters (レセプト電算処理システム 基本マスター) of the MHLW and the 社会保険診療報酬支払基金: the names of the
 * codes a receipt (UKE) records — 医薬品 (drugs), 医科診療行為 (procedures), 特定器材 (materials), 傷病名 (diseases),
 * 修飾語 (modifiers) and コメント (comments). An operator loads the official files ({@code musubi receipt-master load},
 * {@code docs/receipt-master.md}); the receipt import names what it stores through {@link
 * org.musubi.receiptmaster.ReceiptMaster}. Holds no patient data.
 */
package org.musubi.receiptmaster;
