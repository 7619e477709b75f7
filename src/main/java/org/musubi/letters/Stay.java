package org.musubi.letters;

import java.time.LocalDate;
import java.util.List;

/**
 * The hospital stay a discharge summary (退院時サマリー) describes.
 *
 * @param admitted             the day of admission
 * @param discharged           the day of discharge
 * @param reasonForAdmission   入院理由, as written
 * @param chiefComplaint       主訴, as written, or {@code null}
 * @param admissionDiagnoses   入院時診断
 * @param dischargeDiagnoses   退院時診断 (at least one)
 * @param dischargeMedicines   退院時処方
 * @param dischargeInstructions 退院時方針 (what follows: outpatient visits, home care …), or {@code null}
 * @param dischargeDisposition 退院時転帰 as written ({@code 軽快}), or {@code null}
 */
public record Stay(LocalDate admitted, LocalDate discharged, String reasonForAdmission, String chiefComplaint,
                   List<Diagnosis> admissionDiagnoses, List<Diagnosis> dischargeDiagnoses,
                   List<Medicine> dischargeMedicines, String dischargeInstructions, String dischargeDisposition) {

    public Stay {
        if (admitted == null || discharged == null || discharged.isBefore(admitted)) {
            throw new IllegalArgumentException("stay: admitted and discharged are required, discharged not before admitted");
        }
        Letter.require(reasonForAdmission, "stay.reasonForAdmission");
        admissionDiagnoses = admissionDiagnoses == null ? List.of() : List.copyOf(admissionDiagnoses);
        dischargeDiagnoses = dischargeDiagnoses == null ? List.of() : List.copyOf(dischargeDiagnoses);
        dischargeMedicines = dischargeMedicines == null ? List.of() : List.copyOf(dischargeMedicines);
        if (dischargeDiagnoses.isEmpty()) {
            throw new IllegalArgumentException("stay.dischargeDiagnoses needs at least one diagnosis");
        }
    }
}
