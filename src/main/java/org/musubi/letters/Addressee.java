package org.musubi.letters;

/**
 * To whom the letter goes: a facility, optionally one of its departments and a named doctor (「○○科 ○○先生」).
 *
 * @param facility   the receiving facility
 * @param facilityId Musubi's id of the facility in the registry, or {@code null} for one outside the network
 * @param department the department, or {@code null}
 * @param doctor     the doctor's name, or {@code null} (「担当医 先生」)
 */
public record Addressee(Facility facility, Long facilityId, String department, String doctor) {

    public Addressee {
        if (facility == null) {
            throw new IllegalArgumentException("addressee.facility is required");
        }
    }
}
