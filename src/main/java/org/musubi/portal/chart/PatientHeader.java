package org.musubi.portal.chart;

import java.time.Instant;
import java.util.List;
import org.musubi.identity.Person;
import org.musubi.medication.MedicationAlert;

/**
 * What the viewer shows above every tab: who the patient is, what must not be missed (allergies,
 * active problems, duplicate medications), and why this user may see it (the policy's permit; an emergency access's end).
 *
 * @param emergencyUntil while a break-the-glass access of this user is the reason: when it ends
 */
public record PatientHeader(long personId, Person person, Integer age, List<String> allergies, List<String> problems,
                            List<MedicationAlert> medicationAlerts, String permitKey, Instant emergencyUntil) {

    public PatientHeader {
        allergies = List.copyOf(allergies);
        problems = List.copyOf(problems);
        medicationAlerts = List.copyOf(medicationAlerts);
    }

    public boolean emergency() {
        return emergencyUntil != null;
    }
}
