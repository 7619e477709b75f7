package org.musubi.demo.wings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.musubi.carenet.enrolment.Enrolment;
import org.musubi.carenet.enrolment.Pathways;
import org.musubi.carenet.enrolment.StageFilling;
import org.musubi.carenet.enrolment.StageForm;
import org.musubi.registry.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stroke pathway (脳卒中地域連携パス) at its second stage: the acute hospital's doctor enrolled a patient after a
 * cerebral infarction five weeks ago, filled the acute stage at discharge two weeks ago (NIHSS 8, Barthel 55,
 * discharged to rehabilitation) and assigned the recovery stage to the responder hospital, where it now waits.
 */
final class PathwayWing {

    /** The template the demo enrols in. */
    static final String TEMPLATE = "stroke";
    private static final Logger log = LoggerFactory.getLogger(PathwayWing.class);

    private final Pathways pathways;
    private final StageFilling filling;

    PathwayWing(Pathways pathways, StageFilling filling) {
        this.pathways = pathways;
        this.filling = filling;
    }

    /** The enrolment, its acute stage filled; empty when the doctor could not enrol the person. */
    Optional<UUID> tell(WingContext c, User acuteDoctor, User recoveryDoctor, long personId) {
        long acute = acuteDoctor.actingFacilityId().orElseThrow();
        long recovery = recoveryDoctor.actingFacilityId().orElseThrow();
        Optional<Enrolment> enrolled = c.actAs().user(acuteDoctor.id(), () -> pathways.enrol(c.reader(acuteDoctor),
                personId, TEMPLATE, Map.of("acute", acute, "recovery", recovery)));
        if (enrolled.isEmpty()) {
            log.warn("Demo pathway: {} could not enrol the person", acuteDoctor.loginId());
            return Optional.empty();
        }
        UUID id = enrolled.get().id();
        StageFilling.Filled filled = c.actAs().user(acuteDoctor.id(), () -> filling.fill(c.reader(acuteDoctor), id, 0,
                acuteStage(c), recovery));
        if (!(filled instanceof StageFilling.Filled.Saved)) {
            log.warn("Demo pathway: the acute stage was not saved: {}", filled);
        }
        return Optional.of(id);
    }

    /** The acute stage as the hospital's doctor fills it at discharge. */
    private static Map<String, List<String>> acuteStage(WingContext c) {
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("onset", c.today().minusDays(35).toString());
        answers.put("type", "infarction");
        answers.put("reperfusion", "true");
        answers.put("mrs-before", "0");
        String[] nihss = {"1a", "1b", "1c", "2", "3", "4", "5a", "5b", "6a", "6b", "7", "8", "9", "10", "11"};
        int[] scores = {0, 0, 0, 0, 0, 1, 2, 0, 2, 0, 0, 1, 1, 1, 0};
        int total = 0;
        for (int i = 0; i < nihss.length; i++) {
            answers.put("nihss-" + nihss[i], Integer.toString(scores[i]));
            total += scores[i];
        }
        answers.put("nihss-total", Integer.toString(total));
        String[] barthel = {"feeding", "transfer", "grooming", "toilet", "bathing", "mobility", "stairs", "dressing",
            "bowels", "bladder"};
        int[] points = {10, 10, 0, 5, 0, 5, 0, 5, 10, 10};
        int sum = 0;
        for (int i = 0; i < barthel.length; i++) {
            answers.put("barthel-acute-" + barthel[i], Integer.toString(points[i]));
            sum += points[i];
        }
        answers.put("barthel-acute-total", Integer.toString(sum));
        answers.put("dysphagia", "false");
        answers.put("mrs-discharge", "3");
        answers.put("destination", "rehab");
        answers.put("discharge", c.today().minusDays(14).toString());
        Map<String, List<String>> fields = new LinkedHashMap<>();
        answers.forEach((item, value) -> fields.put(StageForm.PREFIX + item, List.of(value)));
        return fields;
    }
}
