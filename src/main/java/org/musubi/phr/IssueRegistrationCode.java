package org.musubi.phr;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.musubi.audit.AuditAction;
import org.musubi.audit.Purpose;
import org.musubi.policy.Decision;
import org.musubi.policy.Interaction;
import org.musubi.policy.PersonAccess;
import org.musubi.policy.PersonAccess.Reached;
import org.musubi.registry.User;
import org.musubi.registry.Users;

/**
 * Issues a resident a one-time registration code for their health notebook: at the counter of a facility with
 * standing for the person (a live link made with the person's card: {@link org.musubi.policy.PersonView#actAsHolder}),
 * or by a network operator. A facility whose patient was only matched to the person (名寄せ) holds its own data and
 * nothing more: it gets nothing, as for a person who does not exist, and so does whoever may not open the person;
 * either way one audit row.
 */
public final class IssueRegistrationCode {

    private final PersonAccess access;
    private final Users users;
    private final RegistrationCodes codes;
    private final PhrRules rules;
    private final SecureRandom random = new SecureRandom();

    public IssueRegistrationCode(PersonAccess access, Users users, RegistrationCodes codes, PhrRules rules) {
        this.access = access;
        this.users = users;
        this.codes = codes;
        this.rules = rules;
    }

    /** A code just issued, with the name of the person it is for (to print on the slip). */
    public record Issued(RegistrationCode code, String personName) {
    }

    /** The code to hand over (shown once), or empty when the user may not open the person. */
    public Optional<Issued> issue(long userId, long personId) {
        User user = users.find(userId).orElseThrow();
        Purpose purpose = user.networkAdmin() ? Purpose.OPERATIONS : Purpose.TREATMENT;
        Interaction<Issued> issued = access.interact(userId, purpose, Reached.person(personId),
                AuditAction.PHR_CODE_ISSUE,
                "Person", view -> {
                    Decision holder = view.actAsHolder();
                    if (!holder.permitted()) {
                        return Interaction.refused(holder, List.of());
                    }
                    Instant now = rules.clock().instant();
                    RegistrationCode code = RegistrationCode.fresh(random, now.plus(rules.codeValidity()));
                    codes.issue(personId, RegistrationCode.hash(code.code()), userId,
                            user.actingFacilityId().orElse(null), code.expiresAt());
                    String name = view.opened().map(p -> Names.shown(p.person())).orElse("");
                    return Interaction.permitted(new Issued(code, name), view.decision(), List.of());
                });
        return Optional.ofNullable(issued.value());
    }
}
