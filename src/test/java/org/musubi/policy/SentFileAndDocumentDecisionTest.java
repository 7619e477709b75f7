package org.musubi.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.musubi.policy.PolicyFixtures.facts;
import static org.musubi.policy.PolicyFixtures.item;
import static org.musubi.policy.PolicyFixtures.requester;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.musubi.registry.Profession;

/**
 * {@link AccessPolicy#decideDisclosed} for the two kinds that reach nothing of the record: a Box file sent by a user of A
 * ({@link DisclosureKind#FILE}: anyone the sender chose, with the person's consent covering A; A's own staff only with
 * A's standing) and a document sent to B ({@link DisclosureKind#DOCUMENT}: B's staff of the professions it is meant
 * for, or the one user it names). Neither lets an item of the record be read.
 */
class SentFileAndDocumentDecisionTest {

    private static final long A = 1;
    private static final long B = 2;
    private final AccessPolicy policy = PolicyFixtures.policy();

    private Decision file(String who, String facts) {
        return policy.decideDisclosed(requester(who), facts(facts), Disclosure.file(0, A), null);
    }

    private Decision document(String who, String facts, Long toUser) {
        return policy.decideDisclosed(requester(who), facts(facts),
                Disclosure.document(0, B, toUser, Set.of(Profession.DOCTOR)), null);
    }

    @Test
    void aFileIsTheRecipientsWithTheConsentCoveringItsSender() {
        assertThat(file("DOCTOR@B", "consented")).isEqualTo(new Permit(Permit.SENT_FILE));
        assertThat(file("DOCTOR@C", "consented")).as("no link, no addressee: the sender chose")
                .isEqualTo(new Permit(Permit.SENT_FILE));
        assertThat(file("DOCTOR@B", "noConsent")).isEqualTo(new Deny(Deny.NO_CONSENT));
        assertThat(file("DOCTOR@B", "blockedB")).isEqualTo(new Deny(Deny.FACILITY_BLOCKED));
        assertThat(file("DOCTOR@B disabled", "consented")).isEqualTo(new Deny(Deny.USER_DISABLED));
        assertThat(file("DOCTOR@B suspended", "consented")).isEqualTo(new Deny(Deny.FACILITY_SUSPENDED));
    }

    @Test
    void theSendersOwnStaffNeedItsStanding() {
        assertThat(file("DOCTOR@A", "consented")).as("A has no link of the person's card")
                .isEqualTo(new Deny(Deny.NOT_LINKED));
    }

    @Test
    void aDocumentIsTheAddressedFacilitysProfessionsOrTheUserItNames() {
        assertThat(document("DOCTOR@B", "noConsent", null)).as("like a fax: no consent or link")
                .isEqualTo(new Permit(Permit.ADDRESSED_DOCUMENT));
        assertThat(document("NURSE@B", "consented", null)).isEqualTo(new Deny(Deny.CATEGORY_NOT_ALLOWED_FOR_PROFESSION));
        assertThat(document("DOCTOR@C", "consented", null)).isEqualTo(new Deny(Deny.NOT_ADDRESSED));
        assertThat(document("DOCTOR@B", "consented", 987_654L)).as("named to another user of B")
                .isEqualTo(new Deny(Deny.NOT_ADDRESSED));
        assertThat(document("DOCTOR@B", "blockedB", null)).isEqualTo(new Deny(Deny.FACILITY_BLOCKED));
    }

    @Test
    void neitherLetsAnItemOfTheRecordBeRead() {
        assertThat(policy.decideDisclosed(requester("DOCTOR@B"), facts("consented"), Disclosure.file(0, A),
                item("A:DOCUMENTS"))).isEqualTo(new Deny(Deny.NO_RULE));
        assertThat(policy.decideDisclosed(requester("DOCTOR@B"), facts("consented"),
                Disclosure.document(0, B, null, Set.of(Profession.DOCTOR)), item("A:REFERRALS")))
                .isEqualTo(new Deny(Deny.NO_RULE));
    }
}
