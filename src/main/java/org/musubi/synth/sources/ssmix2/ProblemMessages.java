package org.musubi.synth.sources.ssmix2;

import static org.musubi.synth.sources.ssmix2.Segment.coded;
import static org.musubi.synth.sources.ssmix2.Ssmix2Segments.msh;
import static org.musubi.synth.sources.ssmix2.Ssmix2Segments.orc;
import static org.musubi.synth.sources.ssmix2.Ssmix2Segments.pid;

import java.time.LocalDate;
import org.musubi.synth.sources.care.CareEvent;
import org.musubi.synth.sources.care.Chart;

/**
 * The problem list as PPR^ZD1 (PPR-01), the whole list in one message: per diagnosis a PRB
 * (PRB-3 the MEDIS 病名管理番号 {@code MDCDX2}, PRB-10 ICD-10 {@code I10} with the setting from JAHIS
 * table 0004, PRB-13 suspected from JHSD0005, PRB-14 cured, PRB-16 onset, PRB-18 main diagnosis from
 * JHSD0007), the Japanese ZPR with the 交換用コード, and an ORC naming the doctor.
 */
final class ProblemMessages {

    private ProblemMessages() {
    }

    static String problems(Chart chart, CareEvent.Problems event, String controlId) {
        Hl7Message message = new Hl7Message().add(msh(chart, "PPR^ZD1^PPR_ZD1", event.at(), controlId))
                .add(pid(chart, null));
        LocalDate today = event.at().toLocalDate();
        for (CareEvent.Problem problem : event.problems()) {
            boolean resolved = problem.resolved() != null && !problem.resolved().isAfter(today);
            message.add(prb(problem, resolved, event))
                    .add(new Segment("ZPR").set(2, coded(problem.medisKey(), problem.name(), "MDCDX2"))
                            .set(5, coded(problem.exchangeCode(), problem.name(), "MDCDX2")))
                    .add(orc(chart, "NW", problem.instanceId(), null, null, event.at(), null));
        }
        return message.toString();
    }

    private static Segment prb(CareEvent.Problem problem, boolean resolved, CareEvent.Problems event) {
        String setting = problem.onAdmission() ? "H^入院時" : "O^外来時";
        return new Segment("PRB").set(1, "AD").set(2, Hl7Time.minute(event.at()))
                .set(3, coded(problem.medisKey(), problem.name(), "MDCDX2")).set(4, problem.instanceId())
                .set(7, Hl7Time.date(problem.recorded()))
                .set(9, resolved ? Hl7Time.date(problem.resolved()) : null)
                .set(10, problem.icd10().replace(".", "") + "^^I10^" + setting + "^JHSD0004")
                .set(13, problem.suspected() ? "1^疑い^JHSD0005" : null)
                .set(14, resolved ? "F^治癒^HL70241" : null)
                .set(15, resolved ? Hl7Time.date(problem.resolved()) : null)
                .set(16, Hl7Time.date(problem.onset()))
                .set(18, problem.main() ? "1^主診断^JHSD0007" : null);
    }
}
