package org.musubi.ingest.hl7.orders.medication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.musubi.ingest.hl7.orders.Messages.map;
import static org.musubi.ingest.hl7.orders.Messages.message;
import static org.musubi.ingest.hl7.orders.Messages.of;

import java.util.List;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationAdministration.MedicationAdministrationStatus;
import org.junit.jupiter.api.Test;
import org.musubi.ingest.adapter.MappedResource;
import org.musubi.ingest.hl7.MessageRejected;
import org.musubi.ingest.hl7.orders.NhoSamples;

class AdministrationMapperTest {

    @Test
    void mapsTheNhoAdministrationsOfTablets() throws Exception {
        List<MappedResource> mapped = map("OMP-11", NhoSamples.text("OMP-11"));

        assertThat(mapped).extracting(MappedResource::sourceKey)
                .containsExactly("ssmix2:OMP-11:1/admin/1/1/108665201", "ssmix2:OMP-11:1/admin/1/2/110626901");
        MedicationAdministration first = of(mapped, MedicationAdministration.class).getFirst();
        assertThat(first.getStatus()).isEqualTo(MedicationAdministrationStatus.COMPLETED);
        assertThat(first.getEffectiveDateTimeType().getValueAsString()).isEqualTo("2011-07-01T08:30:00+09:00");
        assertThat(first.getMedicationCodeableConcept().getCodingFirstRep().getCode()).isEqualTo("108665201");
        assertThat(first.getDosage().getDose().getValue()).isEqualByComparingTo("1");
        assertThat(first.getDosage().getRoute().getCodingFirstRep().getCode()).isEqualTo("PO");
        assertThat(first.getPerformerFirstRep().getActor().getDisplay()).isEqualTo("看護 花子");
        assertThat(first.getRequest().getIdentifier().getValue()).isEqualTo("123456789012345");
        assertThat(first.getExtensionByUrl(MedicationAdministrations.EXTENSION_BASE + "Requester")).isNotNull();
    }

    @Test
    void mapsTheNhoInjectionAdministrationsOverAPeriod() throws Exception {
        List<MedicationAdministration> given = of(map("OMP-12", NhoSamples.text("OMP-12")), MedicationAdministration.class);

        assertThat(given).hasSize(2);
        MedicationAdministration solita = given.getFirst();
        assertThat(solita.getMeta().getProfile().getFirst().getValue()).endsWith("JP_MedicationAdministration_Injection");
        assertThat(solita.getEffectivePeriod().getStartElement().getValueAsString()).isEqualTo("2011-07-01T08:05:21+09:00");
        assertThat(solita.getEffectivePeriod().getEndElement().getValueAsString()).isEqualTo("2011-07-01T13:05:43+09:00");
        assertThat(solita.getNoteFirstRep().getText()).isEqualTo("左手に実施");
        assertThat(solita.getDosage().getRateQuantity().getValue()).isEqualByComparingTo("102");
        assertThat(solita.getDosage().getRoute().getCodingFirstRep().getCode()).isEqualTo("IV");
    }

    @Test
    void rejectsAnAdministrationWithoutTime() {
        String text = message("RAS^O17^RAS_O17", "ORC|NW|1||1", "RXA|0|1|||108665201^ダーゼン錠^HOT9|1|TAB^錠^MR9P");

        assertThatThrownBy(() -> map("OMP-11", text)).isInstanceOf(MessageRejected.class)
                .satisfies(e -> assertThat(((MessageRejected) e).problem().where().field()).isEqualTo("RXA-3"));
    }

    @Test
    void readsRefusedAndDeletedAdministrations() {
        assertThat(MedicationAdministrations.status("RE", "")).isEqualTo(MedicationAdministrationStatus.NOTDONE);
        assertThat(MedicationAdministrations.status("CP", "D")).isEqualTo(MedicationAdministrationStatus.ENTEREDINERROR);
        assertThat(MedicationAdministrations.status("", "")).isEqualTo(MedicationAdministrationStatus.UNKNOWN);
    }
}
