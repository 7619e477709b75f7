package org.musubi.ingest.hl7.orders.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.musubi.ingest.hl7.orders.Messages.map;
import static org.musubi.ingest.hl7.orders.Messages.message;

import org.hl7.fhir.r4.model.NutritionOrder;
import org.junit.jupiter.api.Test;
import org.musubi.ingest.hl7.MessageRejected;
import org.musubi.ingest.hl7.orders.NhoSamples;

class DietOrderMapperTest {

    @Test
    void mapsTheNhoDietOrder() throws Exception {
        var mapped = map("OMD", NhoSamples.text("OMD"));

        assertThat(mapped).singleElement().satisfies(m -> assertThat(m.sourceKey()).isEqualTo("ssmix2:OMD:1/diet/1"));
        NutritionOrder diet = (NutritionOrder) mapped.getFirst().resource();
        assertThat(diet.getOralDiet().getInstruction()).isEqualTo("塩分控えめ");
        assertThat(diet.getOralDiet().getTypeFirstRep().getCodingFirstRep().getCode()).isEqualTo("001");
        assertThat(diet.getDateTimeElement().getValueAsString()).isEqualTo("2011-10-13T23:22:13+09:00");
        var schedule = diet.getOralDiet().getScheduleFirstRep();
        assertThat(schedule.getCode().getCodingFirstRep().getCode()).isEqualTo("TID");
        assertThat(schedule.getRepeat().getBoundsPeriod().getStartElement().getValueAsString()).isEqualTo("2011-10-16T07:00:00+09:00");
        assertThat(diet.getOrderer().getDisplay()).isEqualTo("医師 一郎");
    }

    @Test
    void keepsSupplementsAndRejectsAnOrderWithoutTime() throws Exception {
        var diet = (NutritionOrder) map("OMD", message("OMD^O03^OMD_O03", "ORC|NW|5|||||||20111013232213",
                "ODS|D||001^常食^99XY3", "ODS|S||S01^濃厚流動食^99XY3|1日2本")).getFirst().resource();
        assertThat(diet.getSupplementFirstRep().getInstruction()).isEqualTo("1日2本");

        assertThatThrownBy(() -> map("OMD", message("OMD^O03^OMD_O03", "ORC|NW|5", "ODS|D||001^常食^99XY3")))
                .isInstanceOf(MessageRejected.class)
                .satisfies(e -> assertThat(((MessageRejected) e).problem().where().field()).isEqualTo("ORC-9"));
    }
}
