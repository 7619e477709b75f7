package org.musubi.synth.sources.jahis;

import java.util.List;
import java.util.Map;
import org.musubi.identity.Sex;
import org.musubi.identity.matching.Demographics;
import org.musubi.synth.SynthFacility;
import org.musubi.synth.fhir.ClinicalCodes;
import org.musubi.synth.sources.JamiUsage;
import org.musubi.synth.sources.care.Health;
import org.musubi.synth.sources.ssmix2.Hl7Time;

/**
 * A JAHIS e-medication-notebook file (version 2.5/2.6, {@code JAHISTC08}, output to the patient):
 * the patient (record 1), then one dispensing block per dispensing, newest first: date (5),
 * pharmacy (11), pharmacist (15), prescribing institution (51) and doctor (55), and per drug an RP
 * with the drug and its YJ code (201), a caution for some drugs (291) and the usage (301). Text
 * fields never hold a comma; one is written full-width.
 */
final class JahisNotebook {

    private static final String CRLF = "\r\n";
    private static final String BY_STAFF = "1";
    private static final String YJ_CODE = "4";
    private static final Map<String, String> CAUTIONS = Map.of(
            "3999019F1023", "起床時にコップ1杯の水で服用し、服用後30分は横にならないこと",
            "3339003F1020", "出血しやすくなることがあります",
            "2171022F1020", "グレープフルーツジュースと一緒に飲まないこと");

    private JahisNotebook() {
    }

    /** The file's text, CRLF after every record; {@code dispensings} newest first. */
    static String text(Demographics patient, Health health, List<Dispensing> dispensings) {
        StringBuilder out = new StringBuilder(2048).append("JAHISTC08,1").append(CRLF);
        record(out, "1", patient.familyKanji() + "　" + patient.givenKanji(), sex(patient.sex()),
                patient.birthDate() == null ? "" : Hl7Time.date(patient.birthDate()), patient.postalCode(),
                patient.address(), patient.phone(), "", health.bloodType(), health.weightKg().toPlainString(),
                patient.familyKana() + "　" + patient.givenKana());
        dispensings.forEach(dispensing -> block(out, dispensing));
        return out.toString();
    }

    private static void block(StringBuilder out, Dispensing d) {
        SynthFacility pharmacy = d.pharmacy().facility();
        SynthFacility prescriber = d.prescriber().site().facility();
        record(out, "5", Hl7Time.date(d.date()), BY_STAFF);
        record(out, "11", pharmacy.nameKanji(), prefecture(pharmacy), feeTable(pharmacy), pharmacy.code().sevenDigitCode(),
                pharmacy.postalCode(), pharmacy.address(), pharmacy.phone(), BY_STAFF);
        record(out, "15", d.pharmacist().fullName(), pharmacy.phone(), BY_STAFF);
        record(out, "51", prescriber.nameKanji(), prefecture(prescriber), feeTable(prescriber),
                prescriber.code().sevenDigitCode(), BY_STAFF);
        record(out, "55", d.prescriber().doctor().fullName(), d.prescriber().department().name(), BY_STAFF);
        int rp = 1;
        for (ClinicalCodes.Drug drug : d.drugs()) {
            String number = Integer.toString(rp++);
            JamiUsage usage = JamiUsage.of(drug.dose());
            record(out, "201", number, drug.name(), Integer.toString(drug.perDay()), "錠", YJ_CODE, drug.yj(), BY_STAFF);
            String caution = CAUTIONS.get(drug.yj());
            if (caution != null) {
                record(out, "291", number, caution, BY_STAFF);
            }
            record(out, "301", number, usage.text(), Integer.toString(usage.doses(d.days())),
                    usage.weekly() ? "回分" : "日分", "1", "1", "", BY_STAFF);
        }
    }

    private static void record(StringBuilder out, String number, String... fields) {
        out.append(number);
        for (String field : fields) {
            out.append(',');
            if (field != null) {
                out.append(field.replace(',', '，'));
            }
        }
        out.append(CRLF);
    }

    private static String prefecture(SynthFacility facility) {
        return facility.code().value().substring(0, 2);
    }

    private static String feeTable(SynthFacility facility) {
        return Integer.toString(facility.code().feeTable());
    }

    private static String sex(Sex sex) {
        return sex == Sex.MALE ? "1" : sex == Sex.FEMALE ? "2" : "";
    }
}
