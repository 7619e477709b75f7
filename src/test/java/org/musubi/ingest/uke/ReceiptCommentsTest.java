package org.musubi.ingest.uke;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.musubi.ingest.adapter.MappedResource;
import org.musubi.ingest.adapter.ParseResult;

/**
 * Every comment of a receipt on the item the 記録条件仕様 says it belongs to ({@link ReceiptComments}): a file the team
 * wrote with comments before their items (naming their 診療識別, or carrying it from the item before), after them (a
 * sender that writes a 剤's comments after its last record), inside a 剤 of several drugs, in an item's own comment
 * fields (the item's alone), on the whole receipt (診療識別 99, or before any item), and a pharmacy's comments on its
 * 処方 and drugs. The chart and the FHIR answers read these notes as stored.
 */
class ReceiptCommentsTest {

    static final String CLINIC = UkeReaderTest.CLINIC;

    static UkeFiles eyeClinic() {
        return UkeFiles.eyeClinicApril(CLINIC, "E-0001", "目白　花子", "ﾒｼﾞﾛ ﾊﾅｺ", "19600401").go(1, 900);
    }

    @Test
    void everyCommentLandsOnTheItemItBelongsTo() {
        ParseResult.Parsed receipt = (ParseResult.Parsed) UkeReaderTest.read("eye.UKE", eyeClinic().bytes(), CLINIC).getFirst();
        assertThat(receipt.warnings()).isEmpty();

        assertThat(notes(receipt)).containsExactly(
                Map.entry("IY/21/620008901/2024-04-01", List.of()),
                Map.entry("IY/23/620004401/2024-04-01", List.of("１日５回点眼")),
                Map.entry("IY/23/620004401/2024-04-01/2", List.of("右眼")),
                Map.entry("IY/22/620098801/2024-04-01", List.of("疼痛時")),
                Map.entry("IY/21/610406079/2024-04-01", List.of("粉砕", "１日１回朝食後")),
                Map.entry("IY/21/620000001/2024-04-01", List.of("１日１回朝食後")),
                Map.entry("IY/21/620002301/2024-04-01", List.of("食直後")),
                Map.entry("IY/21/610406079/2024-04-15", List.of()),
                Map.entry("SI/12/112007410/2024-04-01", List.of()),
                Map.entry("SI/25/120000710/2024-04-01", List.of()),
                Map.entry("SI/40/140000610/2024-04-01", List.of("部位　右", "前回実施年月日　令和6年3月20日")));

        Communication whole = (Communication) resources(receipt).get("comment");
        assertThat(whole.getPayloadFirstRep().getContentStringType().getValue()).isEqualTo("検査の結果のみを聞きに来院");
        assertThat(whole.getReasonCodeFirstRep().getCodingFirstRep().getCode()).isEqualTo("99");
        assertThat(resources(receipt).keySet().stream().filter(k -> k.startsWith("comment"))).hasSize(1);
    }

    @Test
    void aNoteKeepsItsCodeAndTheDataAsSentBesideItsWords() {
        ParseResult.Parsed receipt = (ParseResult.Parsed) UkeReaderTest.read("eye.UKE", eyeClinic().bytes(), CLINIC).getFirst();
        MedicationRequest drops = (MedicationRequest) resources(receipt).get("IY/23/620004401/2024-04-01");
        Annotation note = drops.getNoteFirstRep();
        assertThat(note.getText()).isEqualTo("１日５回点眼");
        assertThat(note.getExtensionByUrl(UkeSystems.RECEIPT_COMMENT).getValue().primitiveValue()).isEqualTo("840000001");
        assertThat(((StringType) note.getExtensionByUrl(UkeSystems.COMMENT_DATA).getValue()).getValue()).isEqualTo("5");
        MedicationRequest asNeeded = (MedicationRequest) resources(receipt).get("IY/22/620098801/2024-04-01");
        assertThat(asNeeded.getNoteFirstRep().getText()).isEqualTo("疼痛時");
        assertThat(asNeeded.getNoteFirstRep().hasExtension(UkeSystems.COMMENT_DATA)).as("the words are the data").isFalse();
    }

    @Test
    void aCommentOfNoItemIsTheReceiptsWithItsTreatmentCategory() {
        String text = UkeFiles.medical(CLINIC, "むすび眼科", "202405")
                .re(1, "1112", "202404", "目白　花子", "2", "19600401", "E-0001", "")
                .ho("06340001", "記号", "５６", 1, 900)
                .co("", "810000001", "前の月から継続")                             // before any item
                .item("SI", "12", "112007410", "", 73, 1, Map.of(1, 1))
                .co("60", "810000001", "検体は外注")                               // a 診療識別 no item around has
                .item("IY", "21", "620008901", "1", 8, 14, Map.of(1, 14))
                .co("", "810000001", "以上")                                       // none, after the last 剤 closed
                .go(1, 900).text();
        ParseResult.Parsed receipt = (ParseResult.Parsed) UkeReaderTest.read("x.UKE", text.getBytes(UkeFiles.SHIFT_JIS),
                CLINIC).getFirst();
        assertThat(notes(receipt).values()).allMatch(List::isEmpty);
        Map<String, DomainResource> all = resources(receipt);
        assertThat(all.entrySet().stream().filter(e -> e.getKey().startsWith("comment"))
                .map(e -> ((Communication) e.getValue()).getPayloadFirstRep().getContentStringType().getValue()
                        + "|" + ((Communication) e.getValue()).getReasonCodeFirstRep().getCodingFirstRep().getCode()))
                .containsExactly("前の月から継続|null", "検体は外注|60", "以上|null");
    }

    @Test
    void aPharmacysCommentBeforeTheFirstDrugIsTheWholePrescriptions() {
        String text = UkeFiles.pharmacy(UkeReaderTest.PHARMACY, "むすび薬局", "202405")
                .pharmacyRe(1, "4112", "202404", "目白　花子", "2", "19600401", "")
                .ho("06340001", "記号", "５６", 1, 300)
                .pharmacyCo("810000001", "一包化")                                  // before any 処方: the receipt's
                .sh("01", "1", "003", "")
                .cz("20240401", "20240402", 14)
                .pharmacyCo("810000001", "朝食後に服用")                            // the 処方's: both drugs
                .pharmacyIy("610406079", "1")
                .pharmacyCo("810000001", "粉砕")                                    // after a drug: that drug's
                .pharmacyIy("620000001", "2")
                .go(1, 300).text();
        ParseResult.Parsed receipt = (ParseResult.Parsed) UkeReaderTest.read("p.UKE", text.getBytes(UkeFiles.SHIFT_JIS),
                UkeReaderTest.PHARMACY).getFirst();
        Map<String, DomainResource> all = resources(receipt);
        assertThat(((MedicationDispense) all.get("IY/01/610406079/2024-04-02")).getNote()).extracting(Annotation::getText)
                .containsExactly("朝食後に服用", "粉砕");
        assertThat(((MedicationDispense) all.get("IY/01/620000001/2024-04-02")).getNote()).extracting(Annotation::getText)
                .containsExactly("朝食後に服用");
        assertThat(((Communication) all.get("comment")).getPayloadFirstRep().getContentStringType().getValue())
                .isEqualTo("一包化");
    }

    /** Each item's resource (key after the receipt's) and the texts of its notes, in order. */
    static Map<String, List<String>> notes(ParseResult.Parsed receipt) {
        Map<String, List<String>> notes = new LinkedHashMap<>();
        resources(receipt).forEach((key, r) -> {
            if (r instanceof MedicationRequest m) {
                notes.put(key, m.getNote().stream().map(Annotation::getText).toList());
            }
        });
        resources(receipt).forEach((key, r) -> {
            if (r instanceof Procedure p) {
                notes.put(key, p.getNote().stream().map(Annotation::getText).toList());
            }
        });
        return notes;
    }

    static Map<String, DomainResource> resources(ParseResult.Parsed receipt) {
        Map<String, DomainResource> all = new LinkedHashMap<>();
        for (MappedResource r : receipt.resources()) {
            all.put(r.sourceKey().substring(r.sourceKey().indexOf('/') + 1), (DomainResource) r.resource());
        }
        return all;
    }
}
