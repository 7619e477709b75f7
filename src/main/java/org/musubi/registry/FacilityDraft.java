package org.musubi.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** A facility as submitted on a form or by the generator, before it is checked and stored. */
public record FacilityDraft(
        String nameKanji,
        String nameKana,
        FacilityKind kind,
        String code,
        Integer prefecture,
        String address,
        String phone,
        boolean disclosing,
        boolean viewing,
        FacilityStatus status) {

    private static final Pattern KATAKANA = Pattern.compile("[\\p{InKatakana}\\u30FC\\u3000 ・（）()0-9０-９Ａ-Ｚａ-ｚA-Za-z]+");
    private static final Pattern PHONE = Pattern.compile("[0-9]{2,5}-?[0-9]{1,4}-?[0-9]{3,4}");

    /** Every fault in this draft; empty when it can be stored. */
    public List<FieldFault> check() {
        List<FieldFault> faults = new ArrayList<>();
        if (blank(nameKanji)) {
            faults.add(FieldFault.of("nameKanji", "facility.nameKanji.required"));
        }
        if (blank(nameKana)) {
            faults.add(FieldFault.of("nameKana", "facility.nameKana.required"));
        } else if (!KATAKANA.matcher(nameKana.strip()).matches()) {
            faults.add(FieldFault.of("nameKana", "facility.nameKana.katakana"));
        }
        if (kind == null || !kind.participating()) {
            faults.add(FieldFault.of("kind", "facility.kind.required"));
        }
        checkCode(faults);
        if (!blank(phone) && !PHONE.matcher(phone.strip()).matches()) {
            faults.add(FieldFault.of("phone", "facility.phone.format", phone));
        }
        if (!disclosing && !viewing) {
            faults.add(FieldFault.of("roles", "facility.roles.none"));
        }
        return faults;
    }

    private void checkCode(List<FieldFault> faults) {
        if (blank(code)) {
            if (kind != null && kind.codeRequired()) {
                faults.add(FieldFault.of("code", "facility.code.required"));
            }
            if (prefecture == null || prefecture < 1 || prefecture > 47) {
                faults.add(FieldFault.of("prefecture", "facility.prefecture.range"));
            }
            return;
        }
        List<MedicalInstitutionCode.CodeFault> codeFaults = MedicalInstitutionCode.check(code);
        if (!codeFaults.isEmpty()) {
            MedicalInstitutionCode.CodeFault first = codeFaults.getFirst();
            faults.add(new FieldFault("code", first.messageKey(), first.args()));
            return;
        }
        MedicalInstitutionCode valid = new MedicalInstitutionCode(code.strip());
        if (kind != null && !kind.acceptsFeeTable(valid.feeTable())) {
            faults.add(FieldFault.of("code", "code.feeTableForKind", valid.feeTable()));
        }
        if (prefecture != null && prefecture != valid.prefecture()) {
            faults.add(FieldFault.of("prefecture", "facility.prefecture.mismatch", valid.prefecture()));
        }
    }

    /** The prefecture: from the code when there is one. */
    public int effectivePrefecture() {
        return blank(code) ? prefecture : new MedicalInstitutionCode(code.strip()).prefecture();
    }

    public MedicalInstitutionCode validCode() {
        return blank(code) ? null : new MedicalInstitutionCode(code.strip());
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
