package org.musubi.ingest;

/** The formats a source delivers. */
public enum ImportKind {
    /** An SS-MIX2 standardized storage (a tree of HL7 v2 files), read incrementally. */
    SSMIX2(false),
    /** JAHIS electronic medication-notebook files (お薬手帳) from pharmacies. */
    JAHIS(true),
    /** HL7 v2 lab-result files (OUL^R22, ORU^R01) from lab centres. */
    LAB_HL7(true),
    /** Lab-result CSV files in Musubi's documented layout. */
    LAB_CSV(true),
    /** 特定健診 results in the MHLW standard form (HL7 CDA R2 XML, single files or ZIPs) from checkup centres. */
    CHECKUP(true),
    /**
     * Monthly receipt files (UKE, レセプト電算処理システム: 医科, DPC, 調剤) from clinics and pharmacies without an EHR. A
     * claim month's file replaces the month's receipts to its payer (receipts it no longer carries are taken back), so
     * the last file of a month is what the month is: a file sent again under another name is read again (its receipts
     * unchanged, those a file in between took back restored).
     */
    UKE(false),
    /**
     * Pulled from a facility's ORCA (日医標準レセプトソフト) server by its connector ({@code ingest.orca}): one file per
     * patient and pull window, named by the window, so a window pulled again is read again.
     */
    ORCA(false);

    private final boolean sameContentSameFile;

    ImportKind(boolean sameContentSameFile) {
        this.sameContentSameFile = sameContentSameFile;
    }

    /**
     * Whether a file whose content was imported before is skipped whatever its name (an upload sent
     * twice). Not for SS-MIX2, where a renamed file (condition flag 1 → 2 or 0) carries meaning in its name.
     */
    public boolean sameContentSameFile() {
        return sameContentSameFile;
    }
}
