package org.musubi.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.musubi.demo.wings.DemoStaff;
import org.musubi.disaster.DesignateResponder;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.User;
import org.musubi.registry.Users;
import org.musubi.security.ActAs;
import org.musubi.security.DemoLogins;
import org.musubi.surveillance.SurveillanceDemo;

/**
 * The demo's accounts per role, as the README and the login page name them. The demo network's second hospital is its
 * disaster responder (a DMAT-designated hospital): the operator designates it when the network is seeded, so that its
 * doctor ({@value #RESPONDER_DOCTOR}) can open emergency accesses for the persons of an area in disaster mode.
 */
final class DemoRoles implements DemoLogins {

    /** The responder hospital's first doctor, its facility admin, in the demo network of seed 20260401. */
    static final String RESPONDER_DOCTOR = "doctor3";

    /** A demo account shown to newcomers, and the message key of the role it shows. */
    private record Role(String loginId, String roleKey) {
    }

    /** In the order shown: the hospital's, the clinic's and pharmacy's, the community's, then the offices'. */
    private static final List<Role> ROLES = List.of(
            new Role("admin", "login.demo.role.operator"),
            new Role("doctor1", "login.demo.role.doctor"),
            new Role("nurse1", "login.demo.role.nurse"),
            new Role("pharmacist1", "login.demo.role.pharmacist"),
            new Role("doctor5", "login.demo.role.clinicDoctor"),
            new Role("pharmacist3", "login.demo.role.pharmacyPharmacist"),
            new Role(DemoStaff.NO_EHR_DOCTOR, "login.demo.role.noEhrDoctor"),
            new Role("caremanager1", "login.demo.role.careManager"),
            new Role("nurse8", "login.demo.role.visitingNurse"),
            new Role("clerk1", "login.demo.role.clerk"),
            new Role("paramedic1", "login.demo.role.paramedic"),
            new Role(RESPONDER_DOCTOR, "login.demo.role.responder"),
            new Role(SurveillanceDemo.OFFICER, "login.demo.role.publicHealthOfficer"),
            new Role(DemoStaff.MUNICIPAL_OFFICER, "login.demo.role.municipalOfficer"),
            new Role(DemoStaff.RESEARCHER, "login.demo.role.researcher"),
            new Role(DemoStaff.RADIOLOGIST, "login.demo.role.radiologist"));

    private final Users users;
    private final Facilities facilities;

    DemoRoles(Users users, Facilities facilities) {
        this.users = users;
        this.facilities = facilities;
    }

    @Override
    public List<DemoLogin> list() {
        List<DemoLogin> logins = new ArrayList<>();
        for (Role role : ROLES) {
            users.findByLoginId(role.loginId()).filter(User::active).ifPresent(user -> logins.add(new DemoLogin(
                    user.loginId(), role.roleKey(), user.actingFacilityId().flatMap(facilities::find)
                    .map(Facility::nameKanji).orElse(""))));
        }
        return logins;
    }

    /** The operator designates the responder doctor's hospital as a disaster responder; false when it is missing. */
    boolean designateResponder(DesignateResponder designate, ActAs actAs) {
        Optional<User> operator = users.findByLoginId("admin").filter(User::networkAdmin);
        Optional<Facility> hospital = users.findByLoginId(RESPONDER_DOCTOR).flatMap(User::actingFacilityId)
                .flatMap(facilities::find).filter(f -> f.kind() == FacilityKind.HOSPITAL);
        if (operator.isEmpty() || hospital.isEmpty()) {
            return false;
        }
        return actAs.user(operator.get().id(), () -> designate.designate(operator.get().id(), hospital.get().id(), true));
    }
}
