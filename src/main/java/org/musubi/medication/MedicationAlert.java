package org.musubi.medication;

import java.time.LocalDate;
import java.util.List;

/**
 * A medication alert — a duplicate, or a drug a recorded allergy warns against: the entries involved (by their ids),
 * the overlap of their periods (an allergy alert: the first and last day of the drug), and a message key of the
 * application's bundles with its arguments.
 */
public sealed interface MedicationAlert permits SameIngredient, SameClass, AllergyClash {

    List<String> entryIds();

    /** The institutions and pharmacies the entries came from, as shown. */
    List<String> sources();

    LocalDate overlapStart();

    LocalDate overlapEnd();

    String messageKey();

    List<Object> messageArgs();
}
