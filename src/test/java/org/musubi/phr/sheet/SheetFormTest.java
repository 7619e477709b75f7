package org.musubi.phr.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.api.Test;
import org.musubi.registry.FieldFault;

/** The emergency sheet's form read into a sheet or refused by field, and the sheet as FHIR and back. */
class SheetFormTest {

    @Test
    void readsRowsDropsBlankOnesAndNormalisesTelephoneNumbers() {
        SheetForm.Read read = SheetForm.read(Map.of("condition[0].name", " 高血圧 ", "condition[1].name", " ",
                "contact[0].name", "山田 一郎", "contact[0].phone", "０９０−１２３４−５６７８".replace('−', '-'),
                "careLevel", "support-2", "bloodAbo", "AB", "acpWish", "undecided", "notes", "1行目\n2行目"),
                EmergencySheet.empty());

        assertThat(read.valid()).isTrue();
        EmergencySheet sheet = read.sheet();
        assertThat(sheet.conditions()).containsExactly(new EmergencySheet.Condition("高血圧", null, null));
        assertThat(sheet.contacts().getFirst().phone()).isEqualTo("090-1234-5678");
        assertThat(sheet.careLevel()).isEqualTo(SheetChoices.CareLevel.SUPPORT_2);
        assertThat(sheet.bloodAbo()).isEqualTo(SheetChoices.BloodAbo.AB);
        assertThat(sheet.notes()).isEqualTo("1行目\n2行目");
    }

    @Test
    void namesEachFieldAtFault() {
        Map<String, String> form = new HashMap<>();
        form.put("medicine[0].dose", "朝1錠");
        form.put("contact[0].name", "山田");
        form.put("contact[0].phone", "でんわ");
        form.put("careLevel", "care-9");
        form.put("notes", "あ".repeat(SheetForm.MAX_LONG_TEXT + 1));
        form.put("paperLocation", "冷蔵庫\u0007");
        form.put("allergy[" + SheetForm.MAX_ALLERGIES + "].substance", "卵");

        SheetForm.Read read = SheetForm.read(form, EmergencySheet.empty());

        assertThat(read.valid()).isFalse();
        assertThat(read.faults()).extracting(FieldFault::field, FieldFault::messageKey).containsExactlyInAnyOrder(
                Tuple.tuple("medicine[0].name", "sheet.fault.required"),
                Tuple.tuple("contact[0].phone", "sheet.fault.phone"),
                Tuple.tuple("careLevel", "sheet.fault.choice"),
                Tuple.tuple("notes", "sheet.fault.tooLong"),
                Tuple.tuple("paperLocation", "sheet.fault.control"),
                Tuple.tuple("allergy", "sheet.fault.tooMany"));
    }

    @Test
    void keepsOnlyThePhotosTheFormStillNamesWithTheirNewCaptions() {
        EmergencySheet.Photo front = new EmergencySheet.Photo("a".repeat(64), "image/jpeg", 1000, "表");
        EmergencySheet.Photo back = new EmergencySheet.Photo("b".repeat(64), "image/png", 2000, null);
        EmergencySheet current = new EmergencySheet(List.of(), List.of(), List.of(), null, null, List.of(), null, null,
                null, null, null, null, null, null, List.of(front, back));

        SheetForm.Read read = SheetForm.read(Map.of("photo[0].sha256", front.sha256(), "photo[0].caption", "おもて",
                "photo[1].sha256", back.sha256(), "photo[1].remove", "true", "photo[2].sha256", "c".repeat(64)), current);

        assertThat(read.sheet().photos()).containsExactly(new EmergencySheet.Photo(front.sha256(), "image/jpeg", 1000,
                "おもて"));
    }

    @Test
    void theSheetSurvivesFhirAndSaysWhoEnteredIt() {
        EmergencySheet sheet = new EmergencySheet(List.of(new EmergencySheet.Condition("糖尿病", "2010年", "インスリン")),
                List.of(new EmergencySheet.Medicine("メトホルミン錠250mg", "朝夕1錠", true)),
                List.of(new EmergencySheet.Allergy("ペニシリン", "発疹"),
                        new EmergencySheet.Allergy("セフェム系抗菌薬", "蕁麻疹", true)),
                new EmergencySheet.Doctor("鈴木", "鈴木医院", "082-000-0000"),
                new EmergencySheet.Hospital("県立病院", "内科", "082-111-1111", "12345"),
                List.of(new EmergencySheet.Contact("山田 一郎", "長男", "090-1234-5678")),
                SheetChoices.CareLevel.CARE_3, SheetChoices.BloodAbo.O, SheetChoices.BloodRh.NEGATIVE,
                SheetChoices.AcpWish.FAMILY_DECIDES, "家族と話した", "長男", "冷蔵庫", "補聴器あり",
                List.of(new EmergencySheet.Photo("d".repeat(64), "image/jpeg", 4096, "表")));
        SheetEntry entry = new SheetEntry(SheetEntry.By.STAFF, "薬剤 花子", "PHARMACIST", "のぞみ薬局",
                List.of(SheetEntry.Section.MEDICINES, SheetEntry.Section.ALLERGIES), false);

        QuestionnaireResponse response = SheetFhir.toResource(sheet, entry, "Patient/p1", new Date());

        assertThat(response.getQuestionnaire()).isEqualTo("urn:musubi:questionnaire:emergency-sheet");
        assertThat(response.getStatus()).isEqualTo(QuestionnaireResponse.QuestionnaireResponseStatus.INPROGRESS);
        assertThat(SheetFhir.sheet(response)).isEqualTo(sheet);
        assertThat(SheetFhir.entry(response)).isEqualTo(entry);
        assertThat(SheetEntry.Section.changed(sheet, sheet)).isEmpty();
        assertThat(SheetEntry.Section.changed(EmergencySheet.empty(), sheet)).containsExactly(SheetEntry.Section.values());
    }
}
