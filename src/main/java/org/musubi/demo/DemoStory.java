package org.musubi.demo;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.musubi.audit.Purpose;
import org.musubi.consent.ConsentScope;
import org.musubi.consent.LinkPatientToFacility;
import org.musubi.consent.LinkPatientToFacility.LinkRequest;
import org.musubi.consent.RecordConsent;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.IssueCard;
import org.musubi.identity.IssuedCard;
import org.musubi.identity.Person;
import org.musubi.identity.RegisteredPerson;
import org.musubi.notice.Importance;
import org.musubi.notice.NoticeDraft;
import org.musubi.notice.PublishNotice;
import org.musubi.registry.Administrator;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.registry.Users;
import org.musubi.security.ActAs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's story, told once the demo's records are in, through the same use cases people use (each audited as
 * the user who would do it): the operator issues a regional card to every person with records and records their
 * consent (all facilities, treatment and emergency), as at the counter; then the first user of each profession
 * links, with the card and its check code, the persons its facility has records of (or, at a facility that holds
 * none, such as a care manager's office or a fire station, the first persons of the network), so that every demo
 * role opens a home with patients; and the operator publishes a welcome notice. Deterministic for one network and
 * one set of records: persons are taken in kana-name order.
 */
public final class DemoStory {

    /** Persons linked to each demo role's facility. */
    static final int PATIENTS_PER_FACILITY = 8;
    private static final Logger log = LoggerFactory.getLogger(DemoStory.class);

    private final Parts parts;

    /** The use cases the story goes through. */
    public record Parts(Users users, Facilities facilities, IdentityStore identities, IssueCard cards,
                        RecordConsent consents, LinkPatientToFacility links, PublishNotice notices, ActAs actAs,
                        Clock clock) {
    }

    public DemoStory(Parts parts) {
        this.parts = parts;
    }

    /** What the story did. */
    public record Told(int cards, int consents, int links) {
    }

    /** Tells the story in a registry seeded with the demo network whose persons' records were imported. */
    public Told tell() {
        User operator = parts.users().findByLoginId("admin").filter(User::networkAdmin)
                .orElseThrow(() -> new IllegalStateException("the demo network's operator 'admin' is missing"));
        List<RegisteredPerson> withRecords = parts.identities().personsWithPatientsAt(null, Integer.MAX_VALUE);
        Map<Long, IssuedCard> cards = new LinkedHashMap<>();
        for (RegisteredPerson person : withRecords) {
            cards.put(person.id(), parts.actAs().user(operator.id(), () -> {
                IssuedCard card = parts.cards().regional(operator.id(), person.id());
                parts.consents().grant(operator.id(), null, new RecordConsent.ConsentForm(person.id(),
                        ConsentScope.ALL_FACILITIES, null, EnumSet.of(Purpose.TREATMENT, Purpose.EMERGENCY)));
                return card;
            }));
        }
        int links = 0;
        Map<Long, Boolean> linkedFacilities = new HashMap<>();
        for (User user : firstOfEachProfession()) {
            Optional<Facility> facility = user.actingFacilityId().flatMap(parts.facilities()::find)
                    .filter(Facility::active).filter(Facility::viewing);
            if (facility.isEmpty() || linkedFacilities.putIfAbsent(facility.get().id(), true) != null) {
                continue;
            }
            links += link(user, facility.get(), cards);
        }
        publishWelcome(operator);
        log.info("Demo story told: {} cards and consents, {} links", cards.size(), links);
        return new Told(cards.size(), cards.size(), links);
    }

    /** doctor1, nurse1, pharmacist1, … : the demo accounts a newcomer is told about, in profession order. */
    private List<User> firstOfEachProfession() {
        List<User> users = new ArrayList<>();
        for (Profession profession : Profession.values()) {
            String stem = switch (profession) {
                case DOCTOR -> "doctor";
                case DENTIST -> "dentist";
                case PHARMACIST -> "pharmacist";
                case NURSE -> "nurse";
                case PUBLIC_HEALTH_NURSE -> "phnurse";
                case MIDWIFE -> "midwife";
                case PHYSICAL_THERAPIST -> "pt";
                case OCCUPATIONAL_THERAPIST -> "ot";
                case SPEECH_THERAPIST -> "st";
                case CARE_MANAGER -> "caremanager";
                case CARE_WORKER -> "careworker";
                case MEDICAL_CLERK -> "clerk";
                case PARAMEDIC -> "paramedic";
                default -> null;
            };
            if (stem != null) {
                parts.users().findByLoginId(stem + "1").filter(User::active).ifPresent(users::add);
            }
        }
        return users;
    }

    private int link(User user, Facility facility, Map<Long, IssuedCard> cards) {
        List<RegisteredPerson> own = parts.identities().personsWithPatientsAt(facility.id(), PATIENTS_PER_FACILITY);
        List<RegisteredPerson> persons = own.isEmpty()
                ? parts.identities().personsWithPatientsAt(null, PATIENTS_PER_FACILITY) : own;
        int linked = 0;
        for (RegisteredPerson person : persons) {
            IssuedCard card = cards.get(person.id());
            if (card == null) {
                continue;
            }
            Person p = person.person();
            parts.actAs().user(user.id(), () -> parts.links().link(user.id(), facility.id(), new LinkRequest(
                    card.card().number(), card.checkCode(), p.familyKana() + p.givenKana(), p.birthDate(), null)));
            linked++;
        }
        return linked;
    }

    private void publishWelcome(User operator) {
        parts.actAs().user(operator.id(), () -> parts.notices().publish(Administrator.of(operator), null, new NoticeDraft(
                "デモ環境へようこそ",
                "Welcome to the Musubi demo",
                "このネットワークの患者・施設・記録はすべて架空のものです。doctor1 でログインすると、連携済みの患者さんの"
                        + "時系列、お薬（重複投薬の注意）、検査結果の推移、文書を確認できます。admin では監査証跡を確認できます。",
                "Every patient, facility and record in this network is synthetic. Log in as doctor1 to see linked"
                        + " patients' timelines, medicines (with duplicate alerts), lab trends and documents; as admin,"
                        + " the audit trail.",
                Importance.NORMAL, parts.clock().instant().minus(Duration.ofMinutes(1)), null)));
    }
}
