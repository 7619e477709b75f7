package org.musubi.policy;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.musubi.policy.matrix.ProfessionMatrix;
import org.musubi.registry.Profession;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The access policy's settings.
 *
 * @param linkIdlePeriod a facility's link to a person expires after this long unused
 * @param emergencyDuration how long a break-the-glass access stays open
 * @param crewEmergencyDuration how long an ambulance crew's emergency access stays open (a paramedic of a fire
 *                       department; one person at a time)
 * @param emergencyProfessions the professions that may break the glass (by default those who treat in an
 *                       emergency: {@link AccessPolicy#DEFAULT_EMERGENCY_PROFESSIONS})
 * @param matrix         profession overrides of the default profession × category matrix, e.g.
 *                       {@code musubi.policy.matrix.CARE_WORKER=DEMOGRAPHICS,ALLERGIES,MEDICATIONS}
 */
@ConfigurationProperties("musubi.policy")
public record PolicyProperties(
        @DefaultValue("180d") Duration linkIdlePeriod,
        @DefaultValue("4h") Duration emergencyDuration,
        @DefaultValue("2h") Duration crewEmergencyDuration,
        @DefaultValue({"DOCTOR", "DENTIST", "NURSE", "MIDWIFE", "PHARMACIST", "PARAMEDIC"})
        Set<Profession> emergencyProfessions,
        Map<String, String> matrix) {

    public ProfessionMatrix professionMatrix() {
        return matrix == null || matrix.isEmpty() ? ProfessionMatrix.defaults() : ProfessionMatrix.parse(matrix);
    }
}
