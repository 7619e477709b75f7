package org.musubi.portal.chart;

import java.time.Instant;
import java.util.List;
import org.musubi.identity.Person;
import org.musubi.medication.MedicationAlert;
import org.musubi.policy.DataCategory;
import java.util.Set;

/**
 * What the viewer shows above every tab: who the patient is, what must not be missed (allergies,
 * active problems, duplicate medications), and why this user may see it (the policy's permit; an emergency access's end).
 *
 * @param emergencyUntil while a break-the-glass access of this user is the reason: when it ends
 * @param hidden the kinds of data this user never sees here (profession, emergency minimum): shown as hidden, not
 *     as absent, since "no allergies recorded" where allergies are hidden would mislead
 */
public record PatientHeader(long personId, Person person, Integer age, List<String> allergies, List<String> problems,
                            List<MedicationAlert> medicationAlerts, String permitKey, Instant emergencyUntil,
                            Set<DataCategory> hidden) {

    public PatientHeader {
        allergies = List.copyOf(allergies);
        problems = List.copyOf(problems);
        medicationAlerts = List.copyOf(medicationAlerts);
        hidden = Set.copyOf(hidden);
    }

    /** Whether this kind of data is hidden from the user (for the templates). */
    public boolean hides(String category) {
        return hidden.contains(DataCategory.valueOf(category));
    }

    /** The hidden kinds, in the order of {@link DataCategory}, for the header's note. */
    public List<DataCategory> hiddenInOrder() {
        return java.util.Arrays.stream(DataCategory.values()).filter(hidden::contains).toList();
    }

    public boolean emergency() {
        return emergencyUntil != null;
    }
}
