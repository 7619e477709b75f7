package org.musubi.record.fhir;

import java.util.Map;
import java.util.Optional;

/**
 * The LOINC codes ({@link FhirSystems#LOINC}) that more than one class writes or reads, each declared once with the
 * display Musubi writes beside it, and the one table of the 特定健診 items LOINC also codes. A code only one class uses
 * stays in that class; {@code FhirVocabularyTest} fails when a LOINC code is written as a literal in two files.
 *
 * <p>The 特定健診 table: the body measurements (身長 9N001, 体重 9N006, BMI 9N011, 腹囲 9N016) and blood pressure
 * (収縮期 9A751, 9A752, 9A755; 拡張期 9A761, 9A762, 9A765), told by an item code's first five characters (JLAC10's
 * analyte), are vital signs and carry their LOINC code, as FHIR's vital-signs profile asks. 腹囲（自己申告）
 * (9N016160300000001), a waist the examinee only told, gets none: LOINC's waist code says "by tape measure". The
 * checkup import and the residents' paper results both code by this table.
 */
public final class Loinc {

    /** 診療情報提供書 (referral letter), the JP-CLINS eReferral's document type. */
    public static final String REFERRAL_LETTER = "57133-1";
    /** 退院時サマリー, the JP-CLINS eDischargeSummary's document type. */
    public static final String DISCHARGE_SUMMARY = "18842-5";
    /** 画像検査報告書: a reading report's document type (JP Core radiology DiagnosticReport). */
    public static final String IMAGING_REPORT = "18748-4";
    /** 上部消化管内視鏡報告書: an upper GI endoscopy report's document type (JP Core endoscopy DiagnosticReport). */
    public static final String UPPER_GI_ENDOSCOPY_REPORT = "18751-8";
    public static final String BODY_HEIGHT = "8302-2";
    public static final String BODY_WEIGHT = "29463-7";
    public static final String BMI = "39156-5";
    /** Waist circumference at the umbilicus, measured with a tape. */
    public static final String WAIST = "8280-0";
    public static final String SYSTOLIC = "8480-6";
    public static final String DIASTOLIC = "8462-4";
    /** The blood-pressure panel whose components systolic and diastolic pressure are. */
    public static final String BLOOD_PRESSURE = "85354-9";
    public static final String BODY_TEMPERATURE = "8310-5";
    public static final String HEART_RATE = "8867-4";
    /** SpO2's second code, which FHIR's vital-signs profile asks for beside the pulse-oximetry code. */
    public static final String OXYGEN_SATURATION = "2708-6";
    /** SpO2: oxygen saturation measured by pulse oximetry ({@link org.musubi.record.fhir.observation.VitalSign#SPO2}'s first code). */
    public static final String PULSE_OXIMETRY = "59408-5";
    public static final String ABO_AND_RH = "882-1";
    public static final String ABO = "883-9";
    public static final String RH = "10331-7";

    private static final Map<String, String> DISPLAYS = Map.ofEntries(
            Map.entry(BODY_HEIGHT, "Body height"),
            Map.entry(BODY_WEIGHT, "Body weight"),
            Map.entry(BMI, "Body mass index (BMI) [Ratio]"),
            Map.entry(WAIST, "Waist Circumference at umbilicus by Tape measure"),
            Map.entry(SYSTOLIC, "Systolic blood pressure"),
            Map.entry(DIASTOLIC, "Diastolic blood pressure"),
            Map.entry(BLOOD_PRESSURE, "Blood pressure panel with all children optional"),
            Map.entry(BODY_TEMPERATURE, "Body temperature"),
            Map.entry(HEART_RATE, "Heart rate"),
            Map.entry(OXYGEN_SATURATION, "Oxygen saturation in Arterial blood"),
            Map.entry(PULSE_OXIMETRY, "Oxygen saturation in Arterial blood by Pulse oximetry"),
            Map.entry(ABO_AND_RH, "ABO and Rh group [Type] in Blood"),
            Map.entry(ABO, "ABO group [Type] in Blood"),
            Map.entry(RH, "Rh [Type] in Blood"));

    /** 特定健診 analyte (an item code's first five characters) → LOINC code. */
    private static final Map<String, String> CHECKUP_ANALYTES = Map.ofEntries(
            Map.entry("9N001", BODY_HEIGHT),
            Map.entry("9N006", BODY_WEIGHT),
            Map.entry("9N011", BMI),
            Map.entry("9N016", WAIST),
            Map.entry("9A751", SYSTOLIC),
            Map.entry("9A752", SYSTOLIC),
            Map.entry("9A755", SYSTOLIC),
            Map.entry("9A761", DIASTOLIC),
            Map.entry("9A762", DIASTOLIC),
            Map.entry("9A765", DIASTOLIC));

    /** 腹囲（自己申告）: told by the examinee, not measured. */
    private static final String WAIST_SELF_REPORTED = "9N016160300000001";

    private Loinc() {
    }

    /** The display Musubi writes beside a code declared here; {@code null} for any other code. */
    public static String display(String code) {
        return code == null ? null : DISPLAYS.get(code);
    }

    /**
     * The LOINC code of a 特定健診 analyte (a body measurement or blood pressure, whatever the method); empty for any
     * other item. Tells which items are vital signs.
     */
    public static Optional<String> ofCheckupAnalyte(String analyte) {
        return Optional.ofNullable(analyte == null ? null : CHECKUP_ANALYTES.get(analyte));
    }

    /** The LOINC code a 特定健診 item is coded with beside its item code; empty for other items and 腹囲（自己申告）. */
    public static Optional<String> ofCheckupItem(String itemCode) {
        if (itemCode == null || itemCode.length() < 5 || WAIST_SELF_REPORTED.equals(itemCode)) {
            return Optional.empty();
        }
        return ofCheckupAnalyte(itemCode.substring(0, 5));
    }
}
