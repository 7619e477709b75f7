package org.musubi.ingest.hl7.orders.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.musubi.ingest.hl7.orders.Messages.map;
import static org.musubi.ingest.hl7.orders.Messages.of;

import java.util.List;
import org.hl7.fhir.r4.model.ImagingStudy;
import org.hl7.fhir.r4.model.Procedure;
import org.junit.jupiter.api.Test;
import org.musubi.ingest.hl7.orders.NhoSamples;
import org.musubi.ingest.adapter.MappedResource;
import org.musubi.record.fhir.FhirSystems;

class ImagingMapperTest {

    @Test
    void mapsTheNhoUltrasoundToItsStudyAndProcedure() throws Exception {
        List<MappedResource> mapped = map("OMG-11", NhoSamples.text("OMG-11"));

        assertThat(mapped).extracting(MappedResource::sourceKey).containsExactly(
                "ssmix2:OMG-11:1/study/1.2.392.1114.20045.43233.5.300001",
                "ssmix2:OMG-11:1/proc/2011122000301/1/99A00005550000000000000000000000");
        ImagingStudy study = of(mapped, ImagingStudy.class).getFirst();
        assertThat(study.getIdentifier()).extracting(i -> i.getValue())
                .containsExactly("urn:oid:1.2.392.1114.20045.43233.5.300001", "A201112200030001");
        assertThat(study.getModalityFirstRep().getSystem()).isEqualTo(FhirSystems.DICOM);
        assertThat(study.getModalityFirstRep().getCode()).isEqualTo("US");
        assertThat(study.getStatus()).isEqualTo(ImagingStudy.ImagingStudyStatus.AVAILABLE);
        assertThat(study.getMeta().getProfile().getFirst().getValue()).endsWith("JP_ImagingStudy_Radiology");
        Procedure fetal = of(mapped, Procedure.class).getFirst();
        assertThat(fetal.getCode().getText()).isEqualTo("胎児.経皮的超音波検査");
        assertThat(fetal.getPerformerFirstRep().getActor().getDisplay()).isEqualTo("助産師 愛子");
        assertThat(fetal.getBasedOnFirstRep().getIdentifier().getValue()).isEqualTo("2011122000301");
    }

    @Test
    void mapsTheNhoEndoscopyToOneStudyAndAProcedurePerPerformedAct() throws Exception {
        List<MappedResource> mapped = map("OMG-12", NhoSamples.text("OMG-12"));

        List<ImagingStudy> studies = of(mapped, ImagingStudy.class);
        assertThat(studies).singleElement().satisfies(s -> {
            assertThat(s.getModalityFirstRep().getCode()).isEqualTo("ES");
            assertThat(s.getNote()).extracting(n -> n.getText()).contains("臨床病名: 胃潰瘍の疑い");
        });
        List<Procedure> acts = of(mapped, Procedure.class);
        assertThat(acts).extracting(p -> p.getCode().getCodingFirstRep().getCode())
                .containsExactly("11000001000", "11010001401", "11020001401");
        Procedure first = acts.getFirst();
        assertThat(first.getPerformer()).extracting(p -> p.getActor().getDisplay())
                .containsExactly("大江戸 信吉", "小江戸 義弘", "尾張 玲子", "名古屋 良子");
        assertThat(first.getPerformerFirstRep().getFunction().getText()).isEqualTo("正従業員の実施医師");
        assertThat(first.getNote()).extracting(n -> n.getText())
                .contains("開始時間: 2011-11-20T14:45:12+09:00", "薬品: セルシン5mg 1 管", "内視鏡: GIF-XQ240");
    }
}
