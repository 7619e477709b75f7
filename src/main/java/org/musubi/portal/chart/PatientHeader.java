package org.musubi.portal.chart;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.musubi.medication.MedicationAlert;
import org.musubi.phr.sheet.SelfReports;
import org.musubi.policy.DataCategory;

/**
 * What the viewer shows above every tab: who the patient is, what must not be missed (allergies,
 * active problems, duplicate medications), and why this user may see it (the policy's permit; an emergency access's end).
 *
 * @param personId the key of the viewer's pages for this patient ({@link ChartKey}): the person's id, or the user's own
 *     patient's key when that is how the page was asked
 * @param holder whether the user may act for the patient as a holder of their record (issue a notebook code, end
 *     the link): their facility has standing (a live link made with the card), never on an automatic match alone
 * @param emergencyUntil while a break-the-glass access of this user is the reason: when it ends
 * @param reportedAllergies the allergies the person wrote on the emergency sheet (命の宝箱), listed beside the
 *     recorded ones marked 本人記入
 * @param hidden the kinds of data this user never sees here (profession, emergency minimum): shown as hidden, not
 *     as absent, since "no allergies recorded" where allergies are hidden would mislead
 * @param problems the active diagnoses, each once, with its marks (疑い, 主病名, the JP-CLINS flags 未告知 …), which every
 *     screen and print that lists it shows beside it, and its senders
 * @param ownDataOnly whether the view shows only what the user's own facility sent (its own records, its own patient,
 *     its own data without consent or link): where it shows nothing, the facility's own records hold none
 */
public record PatientHeader(String personId, ShownPatient person, Integer age, List<String> allergies,
                            List<SelfReports.Item> reportedAllergies, List<Problem> problems,
                            List<MedicationAlert> medicationAlerts, String permitKey, Instant emergencyUntil,
                            Set<DataCategory> hidden, boolean ownDataOnly, boolean holder) {

    public PatientHeader {
        allergies = List.copyOf(allergies);
        reportedAllergies = List.copyOf(reportedAllergies);
        problems = List.copyOf(problems);
        medicationAlerts = List.copyOf(medicationAlerts);
        hidden = Set.copyOf(hidden);
    }

    /**
     * An active diagnosis as the header lists it ({@code record.fhir.condition.ActiveProblems}: once, however many
     * facilities sent it): its title, the message keys of its marks (疑い, 主病名, 未告知 …) and the names of the facilities
     * that sent it.
     */
    public record Problem(String title, List<String> marks, List<String> sources) {

        public Problem {
            marks = List.copyOf(marks);
            sources = List.copyOf(sources);
        }
    }

    /** Whether this kind of data is hidden from the user (for the templates). */
    public boolean hides(String category) {
        return hidden.contains(DataCategory.valueOf(category));
    }

    /** The hidden kinds, in the order of {@link DataCategory}, for the header's note. */
    public List<DataCategory> hiddenInOrder() {
        return Arrays.stream(DataCategory.values()).filter(hidden::contains).toList();
    }

    public boolean emergency() {
        return emergencyUntil != null;
    }

    /**
     * Whether the page was asked by the person's id (not through the facility's own patient): the acts on the person
     * (a notebook code, ending the link, entry on their behalf) are offered only there.
     */
    public boolean byPersonId() {
        return personId != null && personId.matches("\\d{1,18}");
    }
}
