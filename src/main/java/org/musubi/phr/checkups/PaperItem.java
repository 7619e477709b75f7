package org.musubi.phr.checkups;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The key values a resident types in from a paper checkup result, each stored as an Observation coded with its
 * 特定健診項目コード (the code a checkup centre's file uses for it, with the common method) and, for the body
 * measurements and blood pressure, the LOINC code the 特定健診 import adds (by {@code record.fhir.Loinc}'s one table;
 * {@link CheckupItemCode}); with its UCUM unit and the range a value may have. BMI is never typed: it is computed from
 * the height and weight of the same result. Each is labelled {@code phr.checkups.item.<key>}.
 */
public enum PaperItem {
    HEIGHT("height", "9N001000000000001", "身長", "cm", "cm", "30", "250"),
    WEIGHT("weight", "9N006000000000001", "体重", "kg", "kg", "1", "400"),
    BMI("bmi", "9N011000000000001", "BMI", "kg/m2", "kg/m2", null, null),
    WAIST("waist", "9N016160100000001", "腹囲（実測）", "cm", "cm", "30", "250"),
    SYSTOLIC("systolic", "9A751000000000001", "収縮期血圧", "mmHg", "mm[Hg]", "50", "300"),
    DIASTOLIC("diastolic", "9A761000000000001", "拡張期血圧", "mmHg", "mm[Hg]", "20", "200"),
    HBA1C("hba1c", "3D046000001906202", "HbA1c（NGSP）", "%", "%", "3", "20"),
    GLUCOSE("glucose", "3D010000001926101", "空腹時血糖", "mg/dL", "mg/dL", "10", "1000"),
    LDL("ldl", "3F077000002327101", "LDLコレステロール", "mg/dL", "mg/dL", "10", "1000"),
    HDL("hdl", "3F070000002327101", "HDLコレステロール", "mg/dL", "mg/dL", "5", "300"),
    TRIGLYCERIDES("tg", "3F015000002327101", "中性脂肪（トリグリセリド）", "mg/dL", "mg/dL", "10", "5000"),
    AST("ast", "3B035000002327201", "AST（GOT）", "U/L", "U/L", "1", "10000"),
    ALT("alt", "3B045000002327201", "ALT（GPT）", "U/L", "U/L", "1", "10000"),
    GGT("ggt", "3B090000002327101", "γ-GT（γ-GTP）", "U/L", "U/L", "1", "10000");

    private final String key;
    private final CheckupItemCode code;
    private final String unit;
    private final String ucum;
    private final BigDecimal min;
    private final BigDecimal max;

    PaperItem(String key, String itemCode, String name, String unit, String ucum, String min, String max) {
        this.key = key;
        this.code = new CheckupItemCode(itemCode, name);
        this.unit = unit;
        this.ucum = ucum;
        this.min = min == null ? null : new BigDecimal(min);
        this.max = max == null ? null : new BigDecimal(max);
    }

    public String key() {
        return key;
    }

    /** Its 特定健診項目コード with the standard form's name, and what they tell (LOINC code, group, analyte). */
    public CheckupItemCode code() {
        return code;
    }

    public String unit() {
        return unit;
    }

    public String ucum() {
        return ucum;
    }

    public BigDecimal min() {
        return min;
    }

    public BigDecimal max() {
        return max;
    }

    /** Whether a resident types it (all but BMI). */
    public boolean typed() {
        return this != BMI;
    }

    /** Body measurements and blood pressure: vital signs, as the 特定健診 import files them. */
    public boolean vitalSign() {
        return code.itemCode().startsWith("9");
    }

    /** The item whose analyte is {@code analyte}, for showing a result of any sender under the item's label. */
    public static Optional<PaperItem> ofAnalyte(String analyte) {
        for (PaperItem item : values()) {
            if (item.code.analyte().equals(analyte)) {
                return Optional.of(item);
            }
        }
        return Optional.empty();
    }

    public static Optional<PaperItem> ofKey(String key) {
        for (PaperItem item : values()) {
            if (item.key.equals(key)) {
                return Optional.of(item);
            }
        }
        return Optional.empty();
    }
}
