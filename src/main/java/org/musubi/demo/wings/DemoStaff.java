package org.musubi.demo.wings;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityDraft;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.FacilityStatus;
import org.musubi.registry.MedicalInstitutionCode;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.registry.UserDraft;
import org.musubi.registry.UserStatus;
import org.musubi.registry.Users;
import org.musubi.security.DemoAccounts;

/**
 * The demo accounts of roles the synthetic network's staff does not hold, added when the network is seeded: a
 * researcher and a radiologist of the first hospital (doctors: Musubi has no research or radiology role, docs/research.md)
 * and a municipal officer (市町村の職員) of the network's municipality, who asks doctors for opinions; and a clinic
 * without an electronic health record (a receipt computer only, docs/no-ehr.md) with its doctor, whose data reaches the
 * network as monthly receipt (UKE) files and documents published by hand.
 */
public final class DemoStaff {

    /** The researcher: a doctor of the first hospital who applies for research use. */
    public static final String RESEARCHER = "researcher1";
    /** The radiologist: a doctor of the first hospital who reads images. */
    public static final String RADIOLOGIST = "radiologist1";
    /** The municipal officer. */
    public static final String MUNICIPAL_OFFICER = "municipal1";
    /** The doctor of the clinic without an EHR. */
    public static final String NO_EHR_DOCTOR = "noehr1";
    /** The clinic without an EHR, as the network registers it. */
    public static final String NO_EHR_CLINIC = "岡田内科医院";
    /** Its medical institution code's district and number (都道府県 34, 点数表 1, check digit computed). */
    static final int NO_EHR_NUMBER = 990_001;

    private DemoStaff() {
    }

    /** Adds the accounts that are missing, ready for the demo password; returns how many were added. */
    public static int add(Users users, Facilities facilities, DemoAccounts accounts, String password) {
        Optional<Facility> hospital = first(facilities, FacilityKind.HOSPITAL);
        Optional<Facility> municipality = first(facilities, FacilityKind.MUNICIPALITY);
        List<Long> added = new ArrayList<>();
        hospital.ifPresent(h -> {
            insert(users, RESEARCHER, "森田 健", "モリタ ケン", Profession.DOCTOR, h).ifPresent(added::add);
            insert(users, RADIOLOGIST, "画田 恵", "ガダ メグミ", Profession.DOCTOR, h).ifPresent(added::add);
        });
        if (hospital.isPresent()) {
            Facility clinic = facilities.findByCode(MedicalInstitutionCode.of(34, 1, NO_EHR_NUMBER).value())
                    .orElseGet(() -> facilities.insert(new FacilityDraft(NO_EHR_CLINIC, "オカダナイカイイン",
                            FacilityKind.CLINIC, MedicalInstitutionCode.of(34, 1, NO_EHR_NUMBER).value(), 34,
                            "730-0041 広島県広島市中区小町 9-9", "082-000-0099", true, true, FacilityStatus.ACTIVE)));
            insert(users, NO_EHR_DOCTOR, "岡田 康平", "オカダ コウヘイ", Profession.DOCTOR, clinic).ifPresent(added::add);
        }
        municipality.ifPresent(m -> insert(users, MUNICIPAL_OFFICER, "市川 誠", "イチカワ マコト",
                Profession.MUNICIPAL_STAFF, m).ifPresent(added::add));
        if (!added.isEmpty()) {
            accounts.prepare(added, password);
        }
        return added.size();
    }

    private static Optional<Long> insert(Users users, String loginId, String name, String kana, Profession profession,
                                         Facility facility) {
        if (users.findByLoginId(loginId).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(users.insert(new UserDraft(loginId, name, kana, profession,
                List.of(new User.Membership(facility.id(), false)), false, UserStatus.ACTIVE), true).id());
    }

    private static Optional<Facility> first(Facilities facilities, FacilityKind kind) {
        return facilities.all().stream().filter(f -> f.kind() == kind && f.active())
                .min(java.util.Comparator.comparingLong(Facility::id));
    }
}
