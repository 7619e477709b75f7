package org.musubi.policy.internal;

import java.time.Clock;
import java.util.Optional;
import org.musubi.audit.Purpose;
import org.musubi.policy.DataCategory;
import org.musubi.policy.DataItem;
import org.musubi.policy.Decision;
import org.musubi.policy.Deny;
import org.musubi.policy.Disclosure;
import org.musubi.policy.DisclosureKind;
import org.musubi.policy.PersonFacts;
import org.musubi.policy.Permit;
import org.musubi.policy.Requester;

/**
 * The rules of {@code CareRules.decideDisclosed} and {@code decideInbox}, one per {@link DisclosureKind.Rule}; the
 * matrix, consent and standing are the policy's own ({@link CareRules}).
 */
public final class DisclosureRules {

    private final CareRules policy;
    private final Clock clock;

    public DisclosureRules(CareRules policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    public Decision decide(Requester requester, PersonFacts facts, Disclosure disclosure, DataItem item) {
        Optional<Deny> unsent = unsentTo(requester, facts);
        if (unsent.isPresent()) {
            return unsent.get();
        }
        DisclosureKind kind = disclosure.kind();
        if (item != null && kind.reach() == DisclosureKind.Reach.NOTHING) {
            return new Deny(Deny.NO_RULE);
        }
        return switch (kind.rule()) {
            case ADDRESSEE, ADDRESSEE_OF_ASKER -> addressee(requester, facts, disclosure, item);
            case CONSENTED_SENDER -> consentedSender(requester, facts, disclosure);
            case NAMED_READER -> namedReader(requester, disclosure);
        };
    }

    private Decision addressee(Requester requester, PersonFacts facts, Disclosure disclosure, DataItem item) {
        if (!requester.actsFor(disclosure.toFacilityId())) {
            return new Deny(Deny.NOT_ADDRESSED);
        }
        if (item != null && item.category() == DataCategory.UNDELIVERED) {
            return new Deny(Deny.NOT_FOR_SHARING);
        }
        DisclosureKind kind = disclosure.kind();
        DataItem asked = item != null ? item : new DataItem(disclosure.fromFacilityId(), kind.whole());
        if (!policy.professionMaySee(requester, Purpose.TREATMENT, asked)) {
            return new Deny(Deny.CATEGORY_NOT_ALLOWED_FOR_PROFESSION);
        }
        if (kind.rule() == DisclosureKind.Rule.ADDRESSEE_OF_ASKER && item != null
                && item.sourceFacilityId() != disclosure.fromFacilityId()) {
            if (DataCategory.SOURCE_FACILITY_ONLY.contains(item.category())) {
                return new Deny(Deny.SOURCE_FACILITY_ONLY);
            }
            return CareRules.permitUnless(CareRules.consent(facts, Purpose.TREATMENT, item), kind.permit());
        }
        return new Permit(kind.permit());
    }

    private Decision consentedSender(Requester requester, PersonFacts facts, Disclosure disclosure) {
        DataItem sent = new DataItem(disclosure.fromFacilityId(), disclosure.kind().whole());
        if (!policy.professionMaySee(requester, Purpose.TREATMENT, sent)) {
            return new Deny(Deny.CATEGORY_NOT_ALLOWED_FOR_PROFESSION);
        }
        if (requester.actsFor(disclosure.fromFacilityId())) {
            return policy.standing(clock.instant(), requester, facts) ? new Permit(Permit.OWN_FACILITY_DATA) : new Deny(Deny.NOT_LINKED);
        }
        return CareRules.permitUnless(CareRules.consent(facts, Purpose.TREATMENT, sent),
                disclosure.kind().permit());
    }

    private static Decision namedReader(Requester requester, Disclosure disclosure) {
        if (!requester.actsFor(disclosure.toFacilityId())
                || disclosure.toUserId() != null && disclosure.toUserId() != requester.userId()) {
            return new Deny(Deny.NOT_ADDRESSED);
        }
        return disclosure.readers().contains(requester.profession()) ? new Permit(disclosure.kind().permit())
                : new Deny(Deny.CATEGORY_NOT_ALLOWED_FOR_PROFESSION);
    }

    public Decision inbox(Requester requester) {
        if (!requester.userActive()) {
            return new Deny(Deny.USER_DISABLED);
        }
        if (requester.facilitySuspended()) {
            return new Deny(Deny.FACILITY_SUSPENDED);
        }
        if (requester.facilityId() == null) {
            return new Deny(Deny.NOT_ADDRESSED);
        }
        return policy.professionMaySee(requester, Purpose.TREATMENT, new DataItem(0, DataCategory.REFERRALS))
                ? new Permit(Permit.ADDRESSED_LETTER) : new Deny(Deny.CATEGORY_NOT_ALLOWED_FOR_PROFESSION);
    }

    /**
     * What refuses anything disclosed about a person whoever it was made to: rule 1 (a disabled user, a suspended
     * facility) and a facility the person blocked.
     */
    private static Optional<Deny> unsentTo(Requester requester, PersonFacts facts) {
        if (!requester.userActive()) {
            return CareRules.deny(Deny.USER_DISABLED);
        }
        if (requester.facilitySuspended()) {
            return CareRules.deny(Deny.FACILITY_SUSPENDED);
        }
        return facts.blocks(requester) ? CareRules.deny(Deny.FACILITY_BLOCKED) : Optional.empty();
    }
}
