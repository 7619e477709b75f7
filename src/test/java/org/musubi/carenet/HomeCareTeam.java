package org.musubi.carenet;

import org.musubi.consent.team.CareTeam;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.TestAccounts;

/**
 * A home-care team for the workspace's tests: a hospital (linked to the patient with the card, consent given) whose
 * doctor made the team, a visiting nurse of a home-nursing station and a pharmacist of a pharmacy invited into it
 * (neither facility linked), and a colleague of the nurse who is no member.
 */
public record HomeCareTeam(Facility hospital, Facility station, Facility pharmacy, User doctor, User nurse,
                           User pharmacist, User outsider, long person, CareTeam team) {

    /** The team for {@code person}, a linked, consented patient of {@code hospital}. */
    public static HomeCareTeam of(TestAccounts accounts, CareTeams teams, Facility hospital, long person) {
        Facility station = accounts.facilityOf(FacilityKind.HOME_NURSING_STATION);
        Facility pharmacy = accounts.facilityOf(FacilityKind.PHARMACY);
        User doctor = accounts.memberOf(hospital, Profession.DOCTOR);
        User nurse = accounts.memberOf(station, Profession.NURSE);
        User pharmacist = accounts.memberOf(pharmacy, Profession.PHARMACIST);
        User outsider = accounts.memberOf(station, Profession.NURSE);
        CareTeam team = teams.create(actor(doctor), person, "在宅チーム（試験）", CareTeams.Role.DOCTOR);
        teams.invite(actor(doctor), team.id(), nurse.id(), CareTeams.Role.VISITING_NURSE, null);
        teams.invite(actor(doctor), team.id(), pharmacist.id(), CareTeams.Role.PHARMACIST, null);
        return new HomeCareTeam(hospital, station, pharmacy, doctor, nurse, pharmacist, outsider, person, team);
    }

    /** A user acting for the facility they belong to. */
    public static CareTeams.Actor actor(User user) {
        return new CareTeams.Actor(user.id(), user.actingFacilityId().orElse(null));
    }
}
