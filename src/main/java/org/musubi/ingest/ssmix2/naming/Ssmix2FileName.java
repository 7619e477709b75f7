package org.musubi.ingest.ssmix2.naming;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The seven fields of an SS-MIX2 file (or extended-storage content folder) name,
 * {@code 患者ID_診療日_データ種別_オーダNo_発生日時_診療科コード_コンディションフラグ}, e.g.
 * {@code 9999013_20110701_OMP-01_000000011000185_20110701224603984_01_1}.
 *
 * @param careDate   {@code YYYYMMDD}, or {@code -} for undated data (ADT-00, ADT-61, PPR-01)
 * @param dataType   e.g. {@code OMP-01}, or an extended-storage type {@code [code]^name^[system]^std code^std name^std system}
 * @param timestamp  17 digits {@code YYYYMMDDHHMMSSfff}, when the message was written (orders versions); a
 *                   shorter one that real storages write is padded to this precision ({@link NameDeviations})
 * @param department 診療科 code (HL7 table 0069) or {@code -}; {@code -} also when a storage left it empty
 */
public record Ssmix2FileName(String patientId, String careDate, String dataType, String orderNo, String timestamp,
                             String department, ConditionFlag condition) {

    static final String UNDATED = "-";
    static final String NO_DEPARTMENT = "-";

    private static final Pattern PATIENT_ID = Pattern.compile("(?!\\.)[\\x21-\\x7E&&[^_/\\\\]]{1,15}");
    private static final Pattern STANDARD_TYPE = Pattern.compile("[A-Z]{3}(-\\d{2})?");
    private static final Pattern ORDER_NO = Pattern.compile("[\\x21-\\x7E&&[^_/\\\\]]{1,22}");

    /** The name's fields (with what deviates from the specification but can be read), or the first field that is malformed. */
    public static NameCheck parse(String name) {
        return parse(name, Ssmix2FileName::validDataType);
    }

    /**
     * An extended-storage content folder's name, whose type field may be the type folder's name or
     * just its code (which {@link Ssmix2Path} compares with the type folder). A name of six fields that reads as the
     * seven without the 診療科 ({@code 患者ID_診療日_データ種別_オーダNo_発生日時_コンディションフラグ}, as one hospital
     * group's own export module names its content folders) is read with {@code -} for the department and a warning.
     */
    public static NameCheck parseContentFolder(String name) {
        Predicate<String> validType = type -> !type.isEmpty() && type.indexOf('/') < 0;
        String[] parts = name.split("_", -1);
        if (parts.length != 6) {
            return parse(name, validType);
        }
        NameCheck seven = check(new String[] {parts[0], parts[1], parts[2], parts[3], parts[4], NO_DEPARTMENT, parts[5]},
                validType);
        if (!(seven instanceof NameCheck.Valid valid)) {
            return new NameCheck.Invalid(Fault.of("ssmix2.name.fields", parts.length));
        }
        List<Fault> deviations = new ArrayList<>(valid.deviations());
        deviations.add(Fault.of("ssmix2.name.department-missing"));
        return new NameCheck.Valid(valid.name(), deviations);
    }

    private static NameCheck parse(String name, Predicate<String> validType) {
        String[] parts = name.split("_", -1);
        if (parts.length > 7 && name.contains("^")) {
            parts = joinDataType(parts);
        }
        if (parts.length != 7) {
            return new NameCheck.Invalid(Fault.of("ssmix2.name.fields", parts.length));
        }
        return check(parts, validType);
    }

    private static NameCheck check(String[] p, Predicate<String> validType) {
        List<Fault> deviations = new ArrayList<>();
        if (!PATIENT_ID.matcher(p[0]).matches()) {
            return invalid("ssmix2.name.patient-id", p[0]);
        }
        if (!p[1].equals(UNDATED) && !Timestamps.isDate(p[1])) {
            return invalid("ssmix2.name.care-date", p[1]);
        }
        if (!validType.test(p[2])) {
            return invalid("ssmix2.name.data-type", p[2]);
        }
        if (!ORDER_NO.matcher(p[3]).matches()) {
            return invalid("ssmix2.name.order-no", p[3]);
        }
        String timestamp = NameDeviations.timestamp(p[4], deviations);
        if (timestamp == null) {
            return invalid("ssmix2.name.timestamp", p[4]);
        }
        String department = NameDeviations.department(p[5], deviations);
        if (department == null) {
            return invalid("ssmix2.name.department", p[5]);
        }
        return ConditionFlag.of(p[6])
                .<NameCheck>map(flag -> new NameCheck.Valid(
                        new Ssmix2FileName(p[0], p[1], p[2], p[3], timestamp, department, flag), deviations))
                .orElseGet(() -> invalid("ssmix2.name.condition", p[6]));
    }

    private static NameCheck invalid(String code, String value) {
        return new NameCheck.Invalid(Fault.of(code, value));
    }

    /** An extended-storage type may itself hold {@code _}: the fields around it are fixed. */
    private static String[] joinDataType(String[] parts) {
        String type = String.join("_", Arrays.copyOfRange(parts, 2, parts.length - 4));
        String[] joined = new String[7];
        joined[0] = parts[0];
        joined[1] = parts[1];
        joined[2] = type;
        System.arraycopy(parts, parts.length - 4, joined, 3, 4);
        return joined;
    }

    private static boolean validDataType(String type) {
        if (STANDARD_TYPE.matcher(type).matches()) {
            return true;
        }
        return ExtendedType.parse(type).isPresent();
    }

    /** The record this file is a version of: {@code ssmix2:<type>:<care date>:<order no>}. */
    public String recordKey() {
        return "ssmix2:" + dataType + ":" + careDate + ":" + orderNo;
    }

    public boolean undated() {
        return careDate.equals(UNDATED);
    }

    /** The same name with another data type (an extended-storage content folder names its type folder's). */
    Ssmix2FileName withDataType(String type) {
        return new Ssmix2FileName(patientId, careDate, type, orderNo, timestamp, department, condition);
    }

    boolean extended() {
        return dataType.indexOf('^') >= 0;
    }

    /** The name as written. */
    String text() {
        return String.join("_", patientId, careDate, dataType, orderNo, timestamp, department, condition.code());
    }

    /** The outcome of reading a name. */
    public sealed interface NameCheck permits NameCheck.Valid, NameCheck.Invalid {

        /** A readable name; {@code deviations} are what it does differently from the specification (warnings). */
        record Valid(Ssmix2FileName name, List<Fault> deviations) implements NameCheck {

            public Valid {
                deviations = List.copyOf(deviations);
            }
        }

        record Invalid(Fault fault) implements NameCheck {
        }
    }
}
