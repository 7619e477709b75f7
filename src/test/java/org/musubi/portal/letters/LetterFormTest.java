package org.musubi.portal.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.musubi.letters.Attachment;
import org.musubi.letters.Coded;
import org.musubi.letters.Content;
import org.musubi.letters.Diagnosis;
import org.musubi.letters.LetterKind;
import org.musubi.letters.Result;
import org.musubi.letters.exchange.LetterExchange;
import org.musubi.letters.exchange.LetterRequest;

/** The composer's form carries what the author wrote and the codes behind it through every step, and no further. */
class LetterFormTest {

    private static final String MEDIS = "http://medis.or.jp/CodeSystem/master-disease-keyNumber";
    private static final Coded DIABETES = new Coded("2型糖尿病", List.of(new Coded.Code(MEDIS, "20059752", "2型糖尿病|表示"),
            new Coded.Code("http://hl7.org/fhir/sid/icd-10", "E11.9", null)));

    private static LetterForm prefilled() {
        Content content = new Content("精査加療のお願い", List.of(new Diagnosis(DIABETES, LocalDate.of(2020, 4, 1), true, false,
                true, "Condition/7")), null, null, null, null, null,
                List.of(new Result(Coded.text("HbA1c"), "7.2", "%", Instant.parse("2026-11-20T00:00:00Z"), "Observation/9")),
                null, null, null, null, null);
        return LetterForm.of(new LetterRequest(LetterKind.REFERRAL, 0, null, null, content, null, null, null), null);
    }

    @Test
    void aDiagnosisKeepsItsCodesAndRecordWhileItsWordsAreUnchanged() {
        LetterForm form = prefilled();

        LetterRequest request = form.request(List.of(), new ArrayList<>());

        Diagnosis sent = request.content().diagnoses().getFirst();
        assertThat(sent.condition()).isEqualTo(DIABETES);
        assertThat(sent.recordRef()).isEqualTo("Condition/7");
        assertThat(sent.main()).isTrue();
        assertThat(sent.onset()).isEqualTo(LocalDate.of(2020, 4, 1));
    }

    @Test
    void aDiagnosisWhoseWordsTheAuthorChangedIsSentAsFreeText() {
        LetterForm form = prefilled();
        form.diagnoses.getFirst().text = "2型糖尿病性腎症";

        Diagnosis sent = form.request(List.of(), new ArrayList<>()).content().diagnoses().getFirst();

        assertThat(sent.condition()).isEqualTo(Coded.text("2型糖尿病性腎症"));
        assertThat(sent.recordRef()).isNull();
    }

    @Test
    void blankRowsAreDroppedAndARowWrittenInABlankOneIsAdded() {
        LetterForm form = prefilled();
        List<FormRow> rows = LetterForm.withBlanks(form.diagnoses);
        assertThat(rows).hasSize(1 + LetterForm.BLANK_ROWS);
        rows.get(2).text = "高血圧症";
        form.diagnoses = rows;

        List<Diagnosis> sent = form.request(List.of(), new ArrayList<>()).content().diagnoses();

        assertThat(sent).extracting(d -> d.condition().text()).containsExactly("2型糖尿病", "高血圧症");
        assertThat(sent.get(1).condition().codes()).isEmpty();
    }

    @Test
    void aResultIsQuotedOnlyWhenTicked() {
        LetterForm form = prefilled();
        assertThat(form.request(List.of(), new ArrayList<>()).content().results()).hasSize(1);

        form.results.getFirst().include = false;

        assertThat(form.request(List.of(), new ArrayList<>()).content().results()).isEmpty();
    }

    @Test
    void aNursingOrderLongerThanSixMonthsIsAFaultNotARequest() {
        LetterForm form = prefilled();
        form.kind = LetterKind.HOME_NURSING_ORDER;
        form.orderFrom = LocalDate.of(2026, 1, 1);
        form.orderTo = LocalDate.of(2026, 9, 1);
        List<String> faults = new ArrayList<>();

        assertThat(form.request(List.of(), faults)).isNull();
        assertThat(faults).containsExactly("letters.compose.fault.orderPeriod");

        form.orderTo = LocalDate.of(2026, 6, 30);
        LetterRequest request = form.request(List.of(), faults = new ArrayList<>());
        assertThat(faults).isEmpty();
        assertThat(request.content().details().nursing().to()).isEqualTo(LocalDate.of(2026, 6, 30));
    }

    @Test
    void attachmentsRemovedAreDroppedAndTheRecordsItemsAttachedAreNotOfferedAgain() {
        LetterForm form = prefilled();
        String sha = "a".repeat(64);
        form.attached.add(FormAttachment.of(new Attachment("検査結果", "application/pdf", 10, sha,
                new Attachment.Stored("DocumentReference/1"))));
        form.attached.add(FormAttachment.of(new Attachment("紹介状の下書き", "application/pdf", 10, sha,
                new Attachment.Stored("DocumentReference/2"))));
        form.attached.add(FormAttachment.of(new Attachment("写真.jpg", "image/jpeg", 10, sha, new Attachment.Uploaded(sha))));
        form.attached.get(1).remove = true;

        assertThat(form.kept()).extracting(a -> a.attachment().source())
                .containsExactly(new Attachment.Stored("DocumentReference/1"), new Attachment.Uploaded(sha));
        assertThat(form.attachedReferences()).containsExactly("DocumentReference/1", "DocumentReference/2");
    }

    @Test
    void aTickedPickAsksForTheRecordsItemAndAForgedValueForNothing() {
        FormAttachment.Choice choice = FormAttachment.choice(new LetterExchange.Pick("Observation/9", "HbA1c 2026/11/20",
                "application/fhir+json", LocalDate.of(2026, 11, 20)));

        Attachment picked = FormAttachment.picked(choice.value());

        assertThat(picked.source()).isEqualTo(new Attachment.Stored("Observation/9"));
        assertThat(picked.title()).isEqualTo("HbA1c 2026/11/20");
        assertThat(picked.contentType()).isEqualTo("application/fhir+json");
        assertThat(FormAttachment.picked("Observation/9")).isNull();
        assertThat(FormAttachment.picked(FormRow.encode(List.of(new Coded.Code("../../etc/passwd", "x", "y"))))).isNull();
    }

    @Test
    void codesSurviveTheirHiddenFieldWhateverTheyContain() {
        List<Coded.Code> codes = List.of(new Coded.Code("urn:oid:1.2.392|x", "a,b", "表示,|%"), new Coded.Code("s", "c", null));

        assertThat(FormRow.decode(FormRow.encode(codes))).isEqualTo(codes);
        assertThat(FormRow.decode("not|a code,|x|")).isEmpty();
    }
}
