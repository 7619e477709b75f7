package org.musubi.synth.sources.ssmix2;

import static org.musubi.synth.sources.ssmix2.Segment.coded;
import static org.musubi.synth.sources.ssmix2.Segment.components;
import static org.musubi.synth.sources.ssmix2.Segment.subcomponents;
import static org.musubi.synth.sources.ssmix2.Ssmix2Segments.inpatient;
import static org.musubi.synth.sources.ssmix2.Ssmix2Segments.msh;
import static org.musubi.synth.sources.ssmix2.Ssmix2Segments.orc;
import static org.musubi.synth.sources.ssmix2.Ssmix2Segments.outpatient;
import static org.musubi.synth.sources.ssmix2.Ssmix2Segments.pid;

import java.time.LocalDateTime;
import java.util.List;
import org.musubi.synth.fhir.ClinicalCodes;
import org.musubi.synth.sources.JamiUsage;
import org.musubi.synth.sources.care.CareEvent;
import org.musubi.synth.sources.care.Chart;

/**
 * Drug orders as RDE^O11: outpatient prescriptions (OMP-01; per drug ORC, RXE with the YJ code,
 * TQ1 with the JAMI usage code and days, RXR) and a ward day's drips and injections (OMP-02).
 * The first version of an updated prescription was written for two more weeks; the first version
 * of updated injections lacked the last drug.
 */
final class PrescriptionMessages {

    private static final String TABLET = "TAB^錠^MR9P";
    private static final int DRAFT_EXTRA_DAYS = 14;

    private PrescriptionMessages() {
    }

    static String prescription(Chart chart, CareEvent.Prescription event, Version version, LocalDateTime sent,
                               String controlId) {
        CareEvent.Order order = event.order();
        int days = version == Version.DRAFT ? event.days() + DRAFT_EXTRA_DAYS : event.days();
        Hl7Message message = new Hl7Message().add(msh(chart, "RDE^O11^RDE_O11", sent, controlId))
                .add(pid(chart, null)).add(outpatient(chart, null));
        int rp = 1;
        for (ClinicalCodes.Drug drug : event.drugs()) {
            JamiUsage usage = JamiUsage.of(drug.dose());
            String group = Integer.toString(rp++);
            message.add(orc(chart, version.control(), order.number(), group, null, order.at(), null))
                    .add(new Segment("RXE").set(2, coded(drug.yj(), drug.name(), "YJ")).set(3, "1").set(5, TABLET)
                            .set(6, "TAB^錠剤^MR9P").set(10, Integer.toString(drug.perDay() * usage.doses(days)))
                            .set(11, TABLET).set(15, order.number())
                            .set(19, components(Integer.toString(drug.perDay()), subcomponents("TAB", "錠", "MR9P")))
                            .set(21, "OHP^外来処方^MR9P~OHO^院外処方^MR9P"))
                    .add(new Segment("TQ1").set(1, "1").set(3, repeatPattern(usage))
                            .set(6, days + "^d").set(7, Hl7Time.date(order.at().toLocalDate())))
                    .add("RXR|PO^口^HL70162");
        }
        return message.toString();
    }

    static String injections(Chart chart, CareEvent.Injections event, Version version, LocalDateTime sent,
                             String controlId) {
        CareEvent.Order order = event.order();
        List<ClinicalCodes.Injection> drugs = version == Version.DRAFT && event.drugs().size() > 1
                ? event.drugs().subList(0, event.drugs().size() - 1) : event.drugs();
        Hl7Message message = new Hl7Message().add(msh(chart, "RDE^O11^RDE_O11", sent, controlId))
                .add(pid(chart, null)).add(inpatient(chart, event.ward(), null));
        LocalDateTime start = order.at().toLocalDate().atTime(10, 0);
        int rp = 1;
        for (ClinicalCodes.Injection drug : drugs) {
            String group = Integer.toString(rp++);
            message.add(orc(chart, version.control(), order.number(), group, null, order.at(), event.ward()))
                    .add(new Segment("RXE").set(2, coded(drug.yj(), drug.name(), "YJ")).set(3, drug.amount())
                            .set(5, coded(drug.unitCode(), drug.unitName(), "MR9P")).set(6, "INJ^注射剤^MR9P")
                            .set(15, order.number()).set(21, "IHP^入院処方^MR9P"))
                    .add(new Segment("TQ1").set(1, "1").set(7, Hl7Time.minute(start))
                            .set(8, Hl7Time.minute(start.plusHours(2))))
                    .add("RXR|IV^静脈内^HL70162");
            start = start.plusHours(4);
        }
        return message.toString();
    }

    /** TQ1-3: the JAMI usage code, and for a weekly drug its weekday code as a second repetition. */
    private static String repeatPattern(JamiUsage usage) {
        String daily = subcomponents(usage.code(), usage.codeText(), "JAMISDP01");
        return usage.weekly() ? daily + "~" + subcomponents(usage.weekdayCode(), usage.weekdayText(), "JAMISDP01") : daily;
    }
}
