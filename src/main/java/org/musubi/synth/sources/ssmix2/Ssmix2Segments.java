package org.musubi.synth.sources.ssmix2;

import static org.musubi.synth.sources.ssmix2.Segment.coded;
import static org.musubi.synth.sources.ssmix2.Segment.components;
import static org.musubi.synth.sources.ssmix2.Segment.text;

import java.time.LocalDateTime;
import org.musubi.identity.Sex;
import org.musubi.identity.matching.Demographics;
import org.musubi.synth.SynthFacility;
import org.musubi.synth.sources.care.CareEvent;
import org.musubi.synth.sources.care.Chart;
import org.musubi.synth.sources.care.Department;
import org.musubi.synth.sources.sites.Staff;

/**
 * The segments every SS-MIX2 message shares, written the way the standard's samples write them:
 * MSH (ISO IR87 character set, SS-MIX2 1.20 profile), PID with kanji and kana names, PV1 and ORC.
 */
final class Ssmix2Segments {

    private static final String PROFILE = "SS-MIX2_1.20^SS-MIX2^1.2.392.200250.2.1.100.1.2.120^ISO";
    private static final String MOBILE_PREFIXES = "070 080 090";

    private Ssmix2Segments() {
    }

    /** MSH with message type such as {@code RDE^O11^RDE_O11}, sent at {@code sent}. */
    static String msh(Chart chart, String messageType, LocalDateTime sent, String controlId) {
        String code = chart.site().code();
        String millis = Hl7Time.millis(sent);
        return "MSH|^~\\&|" + chart.site().application() + "|" + code + "|SSMIX2|" + code + "|"
                + millis.substring(0, 14) + "." + millis.substring(14) + "||" + messageType + "|" + controlId
                + "|P|2.5||||||~ISO IR87||ISO 2022-1994|" + PROFILE;
    }

    static String evn(LocalDateTime recorded, LocalDateTime occurred) {
        Segment evn = new Segment("EVN").set(2, Hl7Time.minute(recorded));
        return evn.set(6, occurred == null ? null : Hl7Time.minute(occurred)).toString();
    }

    /** PID as the facility registered the patient; {@code updated} is the last update (PID-33). */
    static String pid(Chart chart, LocalDateTime updated) {
        Demographics d = chart.demographics();
        Segment pid = new Segment("PID").set(1, "0001").set(3, components(text(chart.patientId()), "", "", "", "PI"))
                .set(5, components(text(d.familyKanji()), text(d.givenKanji()), "", "", "", "", "L", "I") + "~"
                        + components(text(d.familyKana()), text(d.givenKana()), "", "", "", "", "L", "P"))
                .set(7, d.birthDate() == null ? null : Hl7Time.date(d.birthDate())).set(8, sex(d.sex()))
                .set(11, address(d.postalCode(), d.address(), "H"))
                .set(13, d.phone() == null ? null : phone(d.phone()));
        return pid.set(33, updated == null ? null : Hl7Time.second(updated)).toString();
    }

    /** PV1 of an outpatient at the chart's department. */
    static String outpatient(Chart chart, LocalDateTime visit) {
        return new Segment("PV1").set(1, "0001").set(2, "O").set(3, components(chart.department().code(), "", "", "", "", "C"))
                .set(7, doctor(chart.doctor())).set(10, chart.department().code())
                .set(44, visit == null ? null : Hl7Time.minute(visit)).toString();
    }

    /** PV1 of an inpatient; {@code discharged} only on the discharge message. */
    static String inpatient(Chart chart, CareEvent.Ward ward, LocalDateTime discharged) {
        Segment pv1 = new Segment("PV1").set(1, "0001").set(2, "I").set(3, location(ward)).set(7, doctor(chart.doctor()))
                .set(10, chart.department().code()).set(17, doctor(chart.doctor()));
        if (discharged != null) {
            pv1.set(36, "01");
        }
        return pv1.set(44, Hl7Time.minute(ward.admitted())).set(45, discharged == null ? null : Hl7Time.minute(discharged)).toString();
    }

    /** ORC of an order at the chart's facility; {@code group} is the RP number, {@code ward} null for outpatients. */
    static String orc(Chart chart, String control, String orderNumber, String group, String status, LocalDateTime at,
                      CareEvent.Ward ward) {
        SynthFacility facility = chart.site().facility();
        Department department = chart.department();
        return new Segment("ORC").set(1, control).set(2, orderNumber).set(4, group).set(5, status).set(9, Hl7Time.second(at))
                .set(12, doctor(chart.doctor()))
                .set(13, ward == null ? components(department.code(), "", "", "", "", "C") : location(ward))
                .set(17, coded(department.code(), department.name(), "HL70069")).set(21, text(facility.nameKanji()))
                .set(22, address(facility.postalCode(), facility.address(), null)).set(23, phone(facility.phone()))
                .set(29, ward == null ? "O^外来患者オーダ^HL70482" : "I^入院患者オーダ^HL70482").toString();
    }

    /** A doctor as XCN: id, family and given name, name type L, representation I (ideographic). */
    static String doctor(Staff doctor) {
        return components(text(doctor.id()), text(doctor.familyKanji()), text(doctor.givenKanji()),
                "", "", "", "", "", "", "L", "", "", "", "", "I");
    }

    private static String location(CareEvent.Ward ward) {
        return components(ward.ward(), ward.room(), ward.bed(), "", "", "N");
    }

    private static String address(String postalCode, String address, String type) {
        if (address == null && postalCode == null) {
            return null;
        }
        return components("", "", "", "", text(postalCode), "JPN", type, text(address));
    }

    /** XTN with the number in component 12; mobile numbers as CP (cellular), others as PH. */
    private static String phone(String number) {
        boolean mobile = number.length() > 3 && MOBILE_PREFIXES.contains(number.substring(0, 3));
        return components("", "PRN", mobile ? "CP" : "PH", "", "", "", "", "", "", "", "", text(number));
    }

    private static String sex(Sex sex) {
        return sex == null ? null : switch (sex) {
            case MALE -> "M";
            case FEMALE -> "F";
            case OTHER -> "O";
            case UNKNOWN -> "U";
        };
    }
}
