package org.musubi.synth.sources.ssmix2;

import static org.musubi.synth.sources.ssmix2.Segment.coded;
import static org.musubi.synth.sources.ssmix2.Segment.text;
import static org.musubi.synth.sources.ssmix2.Ssmix2Segments.doctor;
import static org.musubi.synth.sources.ssmix2.Ssmix2Segments.inpatient;
import static org.musubi.synth.sources.ssmix2.Ssmix2Segments.msh;
import static org.musubi.synth.sources.ssmix2.Ssmix2Segments.orc;
import static org.musubi.synth.sources.ssmix2.Ssmix2Segments.outpatient;
import static org.musubi.synth.sources.ssmix2.Ssmix2Segments.pid;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.musubi.synth.fhir.ClinicalCodes;
import org.musubi.synth.sources.care.CareEvent;
import org.musubi.synth.sources.care.Chart;

/**
 * Laboratory results as OUL^R22 (OML-11): per specimen an SPM (JLAC10 specimen code, collection
 * time), an OBR, an ORC and one OBX per test with its JLAC10 code, value, UCUM unit, reference range
 * and abnormal flag. The first version of a corrected report had the first value off by a decimal
 * point; the correction is sent with result status C, a deletion with D.
 */
final class LabMessages {

    private static final Map<String, String> SPECIMENS = Map.of("019", "全血(添加物入り)", "023", "血清", "022", "血漿");
    private static final Map<Character, String> TEST_TYPES = Map.of('2', "血液学的検査", '3', "生化学的検査",
            '5', "免疫学的検査", '8', "その他の検体検査");

    private LabMessages() {
    }

    static String report(Chart chart, CareEvent.LabReport event, Version version, LocalDateTime sent, String controlId) {
        CareEvent.Order order = event.order();
        Hl7Message message = new Hl7Message().add(msh(chart, "OUL^R22^OUL_R22", sent, controlId)).add(pid(chart, null))
                .add(event.ward() == null ? outpatient(chart, null) : inpatient(chart, event.ward(), null));
        int specimenNumber = 1;
        int setId = 1;
        for (List<CareEvent.LabValue> values : bySpecimen(event.values()).values()) {
            String specimenId = order.number().substring(0, 13) + "%02d".formatted(specimenNumber);
            String specimen = values.getFirst().lab().specimen();
            String collected = Hl7Time.minute(event.collected());
            message.add(new Segment("SPM").set(1, Integer.toString(specimenNumber)).set(2, specimenId)
                    .set(4, coded(specimen, SPECIMENS.getOrDefault(specimen, "その他"), "JC10")).set(17, collected));
            message.add(obr(chart, order, specimenNumber, specimenId, values.getFirst().lab(), collected, version));
            boolean cancel = version == Version.CANCEL;
            message.add(orc(chart, cancel ? "CA" : "SC", order.number(), null, cancel ? "CA" : "CM", order.at(), event.ward()));
            for (CareEvent.LabValue value : values) {
                boolean slip = version == Version.DRAFT && setId == 1;
                message.add(obx(setId++, value, slip ? value.value() * 10 : value.value(), status(version), collected,
                        value.lab().reference(chart.demographics().sex())));
            }
            specimenNumber++;
        }
        return message.toString();
    }

    private static Segment obr(Chart chart, CareEvent.Order order, int number, String specimenId, ClinicalCodes.Lab first,
                               String collected, Version version) {
        char type = first.jlac10().charAt(0);
        return new Segment("OBR").set(1, Integer.toString(number)).set(2, order.number()).set(3, specimenId)
                .set(4, coded("E00" + type, TEST_TYPES.getOrDefault(type, "検体検査"), "99O03")).set(7, collected)
                .set(16, doctor(chart.doctor())).set(22, Hl7Time.second(order.at()))
                .set(25, version == Version.CANCEL ? "X" : version == Version.UPDATE ? "C" : "F");
    }

    /** The flag is that of the value as reported (rounded), against the range reported with it. */
    private static Segment obx(int setId, CareEvent.LabValue value, double shown, String status, String observed,
                               ClinicalCodes.Range range) {
        ClinicalCodes.Lab lab = value.lab();
        return new Segment("OBX").set(1, Integer.toString(setId)).set(2, "NM").set(3, coded(lab.jlac10(), lab.name(), "JC10"))
                .set(5, decimal(shown, lab.decimals())).set(6, coded(lab.unit(), lab.unit(), "UCUM"))
                .set(7, text(range.text(lab.decimals()))).set(8, range.flag(lab.rounded(shown))).set(11, status)
                .set(14, observed);
    }

    private static String status(Version version) {
        return switch (version) {
            case NEW, DRAFT -> "F";
            case UPDATE -> "C";
            case CANCEL -> "D";
        };
    }

    private static Map<String, List<CareEvent.LabValue>> bySpecimen(List<CareEvent.LabValue> values) {
        Map<String, List<CareEvent.LabValue>> groups = new LinkedHashMap<>();
        for (CareEvent.LabValue value : values) {
            groups.computeIfAbsent(value.lab().specimen(), s -> new ArrayList<>()).add(value);
        }
        return groups;
    }

    static String decimal(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }
}
