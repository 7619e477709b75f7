package org.musubi.demo;

import java.util.ArrayList;
import java.util.List;
import org.musubi.audit.Actor;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.identity.Person;
import org.musubi.identity.Persons;
import org.musubi.registry.Facilities;
import org.musubi.registry.FacilityDraft;
import org.musubi.registry.FacilityStatus;
import org.musubi.registry.User;
import org.musubi.registry.UserDraft;
import org.musubi.registry.UserStatus;
import org.musubi.registry.Users;
import org.musubi.security.DemoAccounts;
import org.musubi.synth.SynthFacility;
import org.musubi.synth.SynthSize;
import org.musubi.synth.SynthUser;
import org.musubi.synth.SyntheticNetwork;
import org.musubi.synth.SyntheticNetworkGenerator;

/** Fills an empty registry with the synthetic demo network, once. */
final class DemoNetwork {

    private static final Actor SEEDER = Actor.system("demo-seed");
    private final Facilities facilities;
    private final Users users;
    private final Persons persons;
    private final DemoAccounts accounts;
    private final Audit audit;

    public DemoNetwork(Facilities facilities, Users users, Persons persons, DemoAccounts accounts, Audit audit) {
        this.facilities = facilities;
        this.users = users;
        this.persons = persons;
        this.accounts = accounts;
        this.audit = audit;
    }

    /** Seeds when the registry is empty; returns false when there was something already. */
    public boolean seedIfEmpty(long seed, String password) {
        if (facilities.count() > 0 || users.count() > 0) {
            return false;
        }
        SyntheticNetwork network = new SyntheticNetworkGenerator().generate(seed, SynthSize.demo());
        List<Long> facilityIds = new ArrayList<>();
        for (SynthFacility f : network.facilities()) {
            facilityIds.add(facilities.insert(draft(f)).id());
        }
        List<Long> userIds = new ArrayList<>();
        for (SynthUser u : network.users()) {
            userIds.add(users.insert(draft(u, facilityIds), true).id());
        }
        accounts.prepare(userIds, password);
        int stored = persons.registerAll(network.persons());
        audit.record(AuditEntry.of(AuditAction.CREATE, Outcome.PERMIT).on("Organization", facilityIds.toArray())
                .reason("demo network seed " + seed).by(SEEDER));
        audit.record(AuditEntry.of(AuditAction.CREATE, Outcome.PERMIT).on("User", userIds.toArray())
                .reason("demo network seed " + seed).by(SEEDER));
        audit.record(AuditEntry.of(AuditAction.CREATE, Outcome.PERMIT).on("Person")
                .reason(stored + " synthetic persons, demo network seed " + seed).by(SEEDER));
        return true;
    }

    private static FacilityDraft draft(SynthFacility f) {
        return new FacilityDraft(f.nameKanji(), f.nameKana(), f.kind(), f.code() == null ? null : f.code().value(),
                f.prefecture(), f.postalCode() + " " + f.address(), f.phone(), f.disclosing(), f.viewing(),
                FacilityStatus.ACTIVE);
    }

    private static UserDraft draft(SynthUser u, List<Long> facilityIds) {
        List<User.Membership> memberships = new ArrayList<>();
        for (int i = 0; i < u.facilityIndexes().size(); i++) {
            memberships.add(new User.Membership(facilityIds.get(u.facilityIndexes().get(i)), i == 0 && u.facilityAdmin()));
        }
        return new UserDraft(u.loginId(), u.familyKanji() + " " + u.givenKanji(), u.familyKana() + " " + u.givenKana(),
                u.profession(), memberships, u.networkAdmin(), UserStatus.ACTIVE);
    }
}
