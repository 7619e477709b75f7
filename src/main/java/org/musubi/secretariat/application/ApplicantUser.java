package org.musubi.secretariat.application;

import java.util.EnumSet;
import java.util.Set;
import org.musubi.registry.Profession;

/** One user an applicant asks for: names, profession, and whether they administer the facility's users. */
public record ApplicantUser(String nameKanji, String nameKana, Profession profession, boolean facilityAdmin) {

    /** Professions an applicant may ask for: none of the network's own nor the system and resident accounts. */
    public static final Set<Profession> OFFERED = EnumSet.complementOf(EnumSet.of(Profession.NETWORK_OPERATOR,
            Profession.FACILITY_SYSTEM, Profession.RESIDENT));

    public ApplicantUser {
        nameKanji = ApplicationDraft.strip(nameKanji);
        nameKana = ApplicationDraft.strip(nameKana);
    }
}
