package org.musubi.emergency.dataset;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.musubi.identity.Person;
import java.util.Set;
import org.musubi.phr.sheet.SelfReports;
import org.musubi.phr.sheet.SheetVersion;
import org.musubi.policy.DataCategory;

/**
 * A person's emergency minimum dataset as read for one reader: only what the access policy let them see, newest first
 * within each part.
 *
 * @param age          whole years on the day it was read; {@code null} without a birth date
 * @param lastTreatedAt the facility of the person's latest encounter (which hospital treated them last)
 * @param sheet        the emergency sheet's current version, when the person has one
 * @param reported     what the person reported in the health notebook (the sheet's allergies and medicines, the OTC
 *                     drugs still taken): listed in the allergy and medicine boxes beside the records, marked 本人記入
 * @param hidden       the kinds of data this reader never sees here (profession, emergency minimum): said as hidden
 * @param ownDataOnly  whether the reader sees only what their own facility sent (no break-the-glass open): a box
 *                     showing nothing says the facility's own records hold none
 */
public record EmergencyDataset(long personId, Person person, Integer age, List<Line> allergies,
                               List<Medicine> medicines, List<Alert> alerts, List<Problem> problems,
                               List<Visit> encounters, String lastTreatedAt, List<Measure> vitals,
                               Optional<SheetVersion> sheet, List<Measure> labs, Reported reported,
                               Set<DataCategory> hidden, boolean ownDataOnly) {

    public EmergencyDataset {
        hidden = Set.copyOf(hidden);
        allergies = List.copyOf(allergies);
        medicines = List.copyOf(medicines);
        alerts = List.copyOf(alerts);
        problems = List.copyOf(problems);
        encounters = List.copyOf(encounters);
        vitals = List.copyOf(vitals);
        labs = List.copyOf(labs);
    }

    /** Whether this kind of data is hidden from the reader (for the template): {@code category} a {@link DataCategory}. */
    public boolean hides(String category) {
        return hidden.contains(DataCategory.valueOf(category));
    }

    /** What the person reported themself, for the allergy and medicine boxes (each marked 本人記入). */
    public record Reported(List<SelfReports.Item> allergies, List<SelfReports.Item> medicines) {
        public Reported {
            allergies = List.copyOf(allergies);
            medicines = List.copyOf(medicines);
        }
    }

    /**
     * An allergy, with its reactions.
     *
     * @param ref the resource shown ({@code Type/id}), for the FHIR document of the same dataset
     */
    public record Line(String title, String detail, Instant at, String facility, String ref) {
    }

    /**
     * An active diagnosis, once however many facilities sent it ({@code record.fhir.condition.ActiveProblems}).
     *
     * @param marks      the message keys of its marks (疑い, 主病名, 未告知 …), in their order
     * @param onset      the earliest onset any sender gives, or {@code null}
     * @param facilities the names of the facilities that sent it
     * @param refs       the stored Conditions it stands for ({@code Type/id}), for the FHIR document of the dataset
     */
    public record Problem(String title, List<String> marks, LocalDate onset, List<String> facilities, List<String> refs) {

        public Problem {
            marks = List.copyOf(marks);
            facilities = List.copyOf(facilities);
            refs = List.copyOf(refs);
        }
    }

    /**
     * A medicine taken in the last 100 days: its latest supply, who gave it, and whether an alert names it.
     *
     * @param ref the latest supply's resource ({@code Type/id}): one per medicine
     */
    public record Medicine(String name, String dosage, LocalDate from, LocalDate until, String facility,
                           boolean current, boolean alerted, String ref) {
    }

    /** A duplicate-medication alert: its message key and arguments. */
    public record Alert(String messageKey, List<Object> args) {
    }

    /**
     * An encounter: when, where, and what kind (its type in words, or its class as a code).
     *
     * @param classCode the encounter class (label {@code code.encounterClass.<code>}), when it has no type in words
     * @param ref       the Encounter ({@code Type/id})
     */
    public record Visit(Instant at, String facility, String type, String classCode, String ref) {
    }

    /**
     * A measurement (vital sign or laboratory result): name, value with unit, when and where.
     *
     * @param flag H, L, HH, LL, A or AA (label {@code emergency.flag.<flag>}); {@code null} when within range
     * @param ref  the Observation ({@code Type/id})
     */
    public record Measure(String name, String value, String flag, Instant at, String facility, String ref) {
    }
}
