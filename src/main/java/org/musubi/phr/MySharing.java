package org.musubi.phr;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.musubi.audit.AuditAction;
import org.musubi.audit.Purpose;
import org.musubi.consent.BlockFacility;
import org.musubi.consent.Consent;
import org.musubi.consent.Consents;
import org.musubi.consent.PatientLink;
import org.musubi.consent.RecordConsent;
import org.musubi.policy.Interaction;
import org.musubi.policy.PersonAccess;
import org.musubi.policy.PersonAccess.Reached;
import org.musubi.registry.Facilities;
import org.musubi.registry.FacilityKind;

/**
 * My sharing (あなたの情報の共有): what decides who sees the resident's record — their consents, the facilities linked
 * to them, the facilities they blocked — and the facilities they may block (those linked to them or holding data about
 * them). Reading it is one audited read of the person's record (self access), so it shows only to the person themself;
 * the changes go through the consent module's use cases ({@code RecordConsent}, {@code BlockFacility}, {@code EndLink}).
 */
public final class MySharing {

    /** A facility as the resident sees it: its name and kind. */
    public record Place(long id, String name, FacilityKind kind) {
    }

    /** One of the person's consents; {@code scopeFacility} is the one hospital whose data it covers (null: all). */
    public record ConsentEntry(Consent consent, Place scopeFacility) {

        /** Its purposes in the consent form's order. */
        public List<Purpose> purposes() {
            return RecordConsent.PURPOSES.stream().filter(consent.purposes()::contains).toList();
        }
    }

    /** A facility's link to the person, open or ended. */
    public record LinkEntry(PatientLink link, Place facility) {
    }

    /**
     * The person's sharing as read at one instant: consents (active first, newest first), links (open first, newest
     * first), blocked facilities, and the facilities they may still block.
     */
    public record Sharing(List<ConsentEntry> consents, List<LinkEntry> links, List<Place> blocked,
                          List<Place> blockable) {

        public Sharing {
            consents = List.copyOf(consents);
            links = List.copyOf(links);
            blocked = List.copyOf(blocked);
            blockable = List.copyOf(blockable);
        }

        public Optional<ConsentEntry> activeConsent(long consentId) {
            return consents.stream().filter(c -> c.consent().id() == consentId && c.consent().active()).findFirst();
        }

        public Optional<LinkEntry> openLink(long facilityId) {
            return links.stream().filter(l -> l.link().facilityId() == facilityId && l.link().open()).findFirst();
        }

        public Optional<Place> blockedFacility(long facilityId) {
            return blocked.stream().filter(p -> p.id() == facilityId).findFirst();
        }

        public Optional<Place> blockableFacility(long facilityId) {
            return blockable.stream().filter(p -> p.id() == facilityId).findFirst();
        }
    }

    private final PersonAccess access;
    private final Consents consents;
    private final Facilities facilities;

    public MySharing(PersonAccess access, Consents consents, Facilities facilities) {
        this.access = access;
        this.consents = consents;
        this.facilities = facilities;
    }

    /** The person's sharing, or empty when the user is not this person (who sees nothing, as for no one). */
    public Optional<Sharing> read(long userId, long personId) {
        Interaction<Sharing> read = access.interact(userId, Purpose.PATIENT_SELF_ACCESS, Reached.person(personId),
                AuditAction.READ,
                "Consent", view -> {
                    Consents.Standing standing = consents.standing(personId);
                    Set<Long> choices = BlockFacility.choices(standing.links(), view.sources());
                    Sharing sharing = new Sharing(
                            standing.consents().stream().sorted(Comparator.comparing(Consent::active).reversed()
                                            .thenComparing(Consent::capturedAt, Comparator.reverseOrder()))
                                    .map(c -> new ConsentEntry(c, c.scopeFacilityId() == null ? null
                                            : place(c.scopeFacilityId()))).toList(),
                            standing.links().stream().sorted(Comparator.comparing(PatientLink::open).reversed()
                                            .thenComparing(PatientLink::linkedAt, Comparator.reverseOrder()))
                                    .map(l -> new LinkEntry(l, place(l.facilityId()))).toList(),
                            places(standing.blocked()),
                            places(choices.stream().filter(id -> !standing.blocked().contains(id)).toList()));
                    return Interaction.permitted(sharing, view.decision(),
                            standing.consents().stream().map(c -> String.valueOf(c.id())).toList());
                });
        return Optional.ofNullable(read.value());
    }

    private List<Place> places(Collection<Long> ids) {
        return ids.stream().sorted().map(this::place).filter(Objects::nonNull).toList();
    }

    private Place place(long facilityId) {
        return facilities.find(facilityId).map(f -> new Place(f.id(), f.nameKanji(), f.kind())).orElse(null);
    }
}
