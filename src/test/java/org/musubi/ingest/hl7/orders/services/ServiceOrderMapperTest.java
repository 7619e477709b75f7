package org.musubi.ingest.hl7.orders.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.musubi.ingest.hl7.orders.Messages.map;
import static org.musubi.ingest.hl7.orders.Messages.of;

import java.util.List;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Specimen;
import org.junit.jupiter.api.Test;
import org.musubi.ingest.hl7.orders.Messages;
import org.musubi.ingest.hl7.orders.NhoSamples;
import org.musubi.ingest.adapter.MappedResource;
import org.musubi.ingest.adapter.SourceRefs;
import org.musubi.record.fhir.FhirSystems;

class ServiceOrderMapperTest {

    @Test
    void mapsTheNhoLabOrderToOneRequestPerSpecimenWithItsTests() throws Exception {
        List<MappedResource> mapped = map("OML-01", NhoSamples.text("OML-01"));

        assertThat(mapped).extracting(MappedResource::sourceKey)
                .containsExactly("ssmix2:OML-01:1/sr/000000011000354/E002", "ssmix2:OML-01:1/sr/000000011000354/E001");
        ServiceRequest chemistry = of(mapped, ServiceRequest.class).getFirst();
        assertThat(chemistry.getCode().getText()).isEqualTo("生化学的検査");
        assertThat(chemistry.getOrderDetail()).hasSize(4);
        assertThat(chemistry.getOrderDetailFirstRep().getCoding()).extracting(c -> c.getCode())
                .containsExactly("3A010000002327101", "10222");
        assertThat(chemistry.getOrderDetailFirstRep().getCodingFirstRep().getSystem()).isEqualTo(FhirSystems.JLAC10);
        Specimen serum = (Specimen) chemistry.getContained().getFirst();
        assertThat(serum.getType().getText()).isEqualTo("血清");
        assertThat(serum.getCollection().getCollectedDateTimeType().getValueAsString()).isEqualTo("2011-12-19T15:00:00+09:00");
        assertThat(chemistry.getSpecimenFirstRep().getReference()).isEqualTo("#specimen1");
        assertThat(chemistry.getIdentifierFirstRep().getValue()).isEqualTo("000000011000354");
        assertThat(chemistry.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("LP29693-6");
        assertThat(((Specimen) of(mapped, ServiceRequest.class).get(1).getContained().getFirst()).getType().getText())
                .isEqualTo("血漿");
    }

    @Test
    void mapsTheNhoRadiologyOrderAsOneParentAndItsChildren() throws Exception {
        List<MappedResource> mapped = map("OMG-01", NhoSamples.text("OMG-01"));

        assertThat(mapped).hasSize(5);
        ServiceRequest parent = (ServiceRequest) mapped.getFirst().resource();
        assertThat(parent.getCode().getCodingFirstRep().getCode()).isEqualTo("1000000000000000");
        assertThat(parent.getNote()).extracting(n -> n.getText()).containsExactly("体重: 62 kg");
        assertThat(parent.getPriority()).isEqualTo(ServiceRequest.ServiceRequestPriority.ROUTINE);
        ServiceRequest chest = (ServiceRequest) mapped.get(1).resource();
        assertThat(chest.getCode().getText()).isEqualTo("胸部.Ｘ線単純撮影.立位正面(A→P)");
        assertThat(chest.getBasedOnFirstRep().getReference())
                .isEqualTo(SourceRefs.PREFIX + "ServiceRequest/" + mapped.getFirst().sourceKey());
        assertThat(chest.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("LP29684-5");
    }

    @Test
    void keepsTheNhoEndoscopyOrdersClinicalContextAsNotes() throws Exception {
        List<ServiceRequest> requests = of(map("OMG-02", NhoSamples.text("OMG-02")), ServiceRequest.class);

        assertThat(requests).hasSize(2);
        assertThat(requests.getFirst().getNote()).extracting(n -> n.getText())
                .contains("視覚障害: 重度", "臨床病名: 胃潰瘍の疑い");
        assertThat(requests.get(1).getBasedOnFirstRep().getReference()).endsWith("/sr/201212201252100/11000000000");
    }

    @Test
    void mapsTheNhoPhysiologyOrderWithItsFinding() throws Exception {
        ServiceRequest ecg = of(map("OMG-03", NhoSamples.text("OMG-03")), ServiceRequest.class).getFirst();

        assertThat(ecg.getCode().getText()).isEqualTo("標準１２誘導心電図");
        assertThat(ecg.getNoteFirstRep().getText()).isEqualTo("心電図所見: 心筋梗塞の疑い");
        assertThat(ecg.getPriority()).isEqualTo(ServiceRequest.ServiceRequestPriority.ASAP);
        assertThat(ecg.getCategoryFirstRep().getText()).isEqualTo("生理検査");
    }

    @Test
    void basesAChildOnAParentSentElsewhereByNumber() throws Exception {
        String text = Messages.message("OMG^O19^OMG_O19", "ORC|CH|2||||||1|20111220100059",
                "OBR||2||10000002000102000000010000000000^胸部^JJ1017");

        ServiceRequest child = of(map("OMG-01", text), ServiceRequest.class).getFirst();

        assertThat(child.getBasedOnFirstRep().getIdentifier().getValue()).isEqualTo("1");
        assertThat(child.getBasedOnFirstRep().getType()).isEqualTo("ServiceRequest");
    }
}
