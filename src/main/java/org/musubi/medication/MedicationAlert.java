package org.musubi.medication;

import java.time.LocalDate;
import java.util.List;

/**
 * A duplicate-medication alert: the entries involved (by their ids), the overlap of their periods,
 * and a message key of the application's bundles with its arguments.
 */
public sealed interface MedicationAlert permits SameIngredient, SameClass {

    List<String> entryIds();

    /** The institutions and pharmacies the entries came from, as shown. */
    List<String> sources();

    LocalDate overlapStart();

    LocalDate overlapEnd();

    String messageKey();

    List<Object> messageArgs();
}
