package org.musubi.medication;

import java.time.LocalDate;
import java.util.List;
import org.musubi.medication.allergy.AllergyMatch;

/**
 * A drug given, prescribed or dispensed to a person with a recorded allergy it is named by, or whose class it belongs
 * to, or may cross-react with ({@link AllergyMatch}): 「アレルギーのある系統の薬: セファゾリンナトリウム（広島朝日病院、
 * 2026-07-08〜2026-07-08）— 記録：セフェム系抗生物質で全身に発疹（のぞみ薬局）」. One alert per allergy and drug
 * (ingredient), naming each of its records.
 */
public record AllergyClash(String allergy, String allergySource, AllergyMatch.Relation relation, String drug,
                           List<String> entryIds, List<String> sources, LocalDate overlapStart, LocalDate overlapEnd)
        implements MedicationAlert {

    public AllergyClash {
        entryIds = List.copyOf(entryIds);
        sources = List.copyOf(sources);
    }

    @Override
    public String messageKey() {
        return switch (relation) {
            case NAMED -> "medication.alert.allergyNamed";
            case SAME_CLASS -> "medication.alert.allergyClass";
            case CROSS -> "medication.alert.allergyCross";
        };
    }

    /** {0} the drug, {1} its sources joined with ・, {2} and {3} the first and last day, {4} the allergy, {5} its source. */
    @Override
    public List<Object> messageArgs() {
        return List.of(drug, String.join("・", sources), overlapStart.toString(), overlapEnd.toString(), allergy,
                allergySource);
    }
}
