package org.musubi.synth.sources.ssmix2;

import static org.musubi.synth.sources.ssmix2.Ssmix2Segments.evn;
import static org.musubi.synth.sources.ssmix2.Ssmix2Segments.inpatient;
import static org.musubi.synth.sources.ssmix2.Ssmix2Segments.msh;
import static org.musubi.synth.sources.ssmix2.Ssmix2Segments.outpatient;
import static org.musubi.synth.sources.ssmix2.Ssmix2Segments.pid;

import java.math.BigDecimal;
import org.musubi.synth.sources.care.CareEvent;
import org.musubi.synth.sources.care.Chart;
import org.musubi.synth.sources.care.Health;

/**
 * The patient-administration messages: patient information (ADT-00, ADT^A08 with height, weight and
 * ABO blood type as JLAC10 OBX), outpatient visit (ADT-12, ADT^A04), admission (ADT-22, ADT^A01)
 * and discharge (ADT-52, ADT^A03).
 */
final class AdtMessages {

    private AdtMessages() {
    }

    static String patientInfo(Chart chart, CareEvent.Registration event, String controlId) {
        Health health = chart.health();
        return new Hl7Message().add(msh(chart, "ADT^A08^ADT_A01", event.at(), controlId))
                .add(evn(event.at(), null)).add(pid(chart, event.at()))
                .add(new Segment("PV1").set(1, "0001").set(2, "N"))
                .add(measurement(1, "9N001000000000001", "身長", health.heightCm(), "cm"))
                .add(measurement(2, "9N006000000000001", "体重", health.weightKg(), "kg"))
                .add(new Segment("OBX").set(1, "3").set(2, "CWE").set(3, "5H010000009199911^血液型-ABO式^JC10")
                        .set(5, Segment.components(health.abo(), health.abo(), "JSHR002")).set(11, "F"))
                .toString();
    }

    static String visit(Chart chart, CareEvent.Visit event, String controlId) {
        return new Hl7Message().add(msh(chart, "ADT^A04^ADT_A01", event.at(), controlId))
                .add(evn(event.at(), null)).add(pid(chart, null)).add(outpatient(chart, event.at())).toString();
    }

    static String admission(Chart chart, CareEvent.Admission event, String controlId) {
        return new Hl7Message().add(msh(chart, "ADT^A01^ADT_A01", event.at(), controlId))
                .add(evn(event.at(), null)).add(pid(chart, null))
                .add(inpatient(chart, event.ward(), null)).toString();
    }

    static String discharge(Chart chart, CareEvent.Discharge event, String controlId) {
        return new Hl7Message().add(msh(chart, "ADT^A03^ADT_A03", event.at(), controlId))
                .add(evn(event.at(), event.at())).add(pid(chart, null))
                .add(inpatient(chart, event.ward(), event.at())).toString();
    }

    private static Segment measurement(int setId, String jlac10, String name, BigDecimal value, String unit) {
        return new Segment("OBX").set(1, Integer.toString(setId)).set(2, "NM").set(3, jlac10 + "^" + name + "^JC10")
                .set(5, value.toPlainString()).set(6, unit + "^" + unit + "^ISO+").set(11, "F");
    }
}
