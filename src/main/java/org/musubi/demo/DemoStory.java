package org.musubi.demo;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
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
import org.musubi.identity.Person;
import org.musubi.identity.RegisteredPerson;
import org.musubi.identity.Sex;
import org.musubi.identity.SourcePatient;
import org.musubi.identity.cards.IssueCard;
import org.musubi.identity.cards.IssuedCard;
import org.musubi.ingest.ImportBatch;
import org.musubi.ingest.ImportKind;
import org.musubi.notice.Importance;
import org.musubi.notice.NoticeDraft;
import org.musubi.notice.PublishNotice;
import org.musubi.paging.PageRequest;
import org.musubi.registry.Administrator;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
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
 * none, such as a care manager's office, the first persons of the network; at a care office only persons of care
 * age, {@link CareClients}), so that every demo role opens a home with patients; and the operator publishes a welcome notice. One of doctor1's patients, the
 * protagonist, is linked at every demo role's facility and gets the story's own files ({@link StoryFiles}): an HbA1c
 * trend that crosses the reference range, an allergy, a current duplicate medication and a rejected lab row. One
 * woman with the pharmacy's records registers for the health notebook and fills it ({@link DemoResident}).
 * Deterministic for one network, one set of records and one day: persons are taken in kana-name order.
 */
final class DemoStory {

    /** Demo accounts beyond the first of each profession whose facilities link patients: a clinic's, a pharmacy's. */
    static final List<String> EXTRA_ROLES = List.of("doctor5", "pharmacist3");
    /** Persons linked to each demo role's facility. */
    static final int PATIENTS_PER_FACILITY = 8;
    private static final Logger log = LoggerFactory.getLogger(DemoStory.class);

    private final Parts parts;

    /** The use cases the story goes through. */
    public record Parts(Users users, Facilities facilities, IdentityStore identities, IssueCard cards,
                        RecordConsent consents, LinkPatientToFacility links, PublishNotice notices, ActAs actAs,
                        DemoRecords records, DemoResident resident, String password, Clock clock, ZoneId zone) {
    }

    public DemoStory(Parts parts) {
        this.parts = parts;
    }

    /**
     * What the story did; {@code protagonist}: the person whose story files were imported, if any; {@code resident}:
     * the person registered for the notebook, if any.
     */
    public record Told(int cards, int links, Optional<RegisteredPerson> protagonist, List<ImportBatch> batches,
                       Optional<DemoResident.Seeded> resident, Map<Long, IssuedCard> issued) {

        public Told {
            issued = Map.copyOf(issued);
        }
    }

    /**
     * Tells the story in a registry seeded with the demo network whose persons' records were imported; the story's
     * own files are written under {@code folder}.
     */
    public Told tell(Path folder) {
        User operator = parts.users().findByLoginId("admin").filter(User::networkAdmin)
                .orElseThrow(() -> new IllegalStateException("the demo network's operator 'admin' is missing"));
        List<User> roles = firstOfEachProfession();
        Optional<RegisteredPerson> protagonist = Optional.empty();
        List<ImportBatch> batches = new ArrayList<>();
        Optional<Facility> hospital = facilityOf(roles, Profession.DOCTOR);
        Optional<Facility> pharmacy = facilityOf(roles, Profession.PHARMACIST).filter(f -> f.kind() == FacilityKind.PHARMACY)
                .or(() -> firstOfKind(FacilityKind.PHARMACY));
        if (hospital.isPresent() && hospital.get().code() != null) {
            protagonist = parts.identities().personsWithPatientsAt(hospital.get().id(), 1).stream().findFirst();
        }
        if (protagonist.isPresent()) {
            batches.addAll(storyFiles(folder, protagonist.get(), hospital.get(), pharmacy));
        }
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
        Optional<DemoResident.Seeded> resident = residentOf(withRecords, pharmacy, protagonist)
                .flatMap(p -> parts.resident().seed(operator, p, cards.get(p.id()), parts.password()));
        int links = 0;
        Map<Long, Boolean> linkedFacilities = new HashMap<>();
        for (User user : roles) {
            // crews never link (their access is a time-limited emergency access): no links for a fire department
            Optional<Facility> facility = user.actingFacilityId().flatMap(parts.facilities()::find)
                    .filter(Facility::active).filter(Facility::viewing)
                    .filter(f -> f.kind() != FacilityKind.FIRE_DEPARTMENT && user.profession() != Profession.PARAMEDIC);
            if (facility.isEmpty() || linkedFacilities.putIfAbsent(facility.get().id(), true) != null) {
                continue;
            }
            links += link(user, facility.get(), cards, protagonist);
        }
        publishWelcome(operator);
        log.info("Demo story told: {} cards and consents, {} links, {} story batches", cards.size(), links, batches.size());
        return new Told(cards.size(), links, protagonist, batches, resident, cards);
    }

    /** Whether the person is 65 to 89: the resident's sheet tells of high blood pressure since 2015 and of her son. */
    private static boolean residentsAge(Person person, LocalDate today) {
        if (person.birthDate() == null) {
            return false;
        }
        int age = Period.between(person.birthDate(), today).getYears();
        return age >= 65 && age <= 89;
    }

    /** The notebook's resident: the first woman of 65 to 89 with the pharmacy's dispensings, else with any records. */
    private Optional<RegisteredPerson> residentOf(List<RegisteredPerson> withRecords, Optional<Facility> pharmacy,
                                                  Optional<RegisteredPerson> protagonist) {
        LocalDate today = LocalDate.now(parts.clock().withZone(parts.zone()));
        List<RegisteredPerson> candidates = new ArrayList<>(pharmacy.map(f -> parts.identities()
                .personsWithPatientsAt(f.id(), Integer.MAX_VALUE)).orElse(List.of()));
        candidates.addAll(withRecords);
        return candidates.stream().filter(p -> p.person().sex() == Sex.FEMALE)
                .filter(p -> residentsAge(p.person(), today))
                .filter(p -> protagonist.map(t -> t.id() != p.id()).orElse(true))
                .filter(p -> withRecords.stream().anyMatch(w -> w.id() == p.id())).findFirst();
    }

    private Optional<Facility> firstOfKind(FacilityKind kind) {
        return parts.facilities().all().stream().filter(f -> f.kind() == kind && f.active() && f.code() != null)
                .findFirst();
    }

    private Optional<Facility> facilityOf(List<User> roles, Profession profession) {
        return roles.stream().filter(u -> u.profession() == profession).findFirst()
                .flatMap(User::actingFacilityId).flatMap(parts.facilities()::find);
    }

    /** The story's files ({@link StoryFiles}), each folder imported as its facility's source "demo-story". */
    private List<ImportBatch> storyFiles(Path folder, RegisteredPerson protagonist, Facility hospital,
                                         Optional<Facility> pharmacy) {
        LocalDate today = LocalDate.now(parts.clock().withZone(parts.zone()));
        List<ImportBatch> batches = new ArrayList<>();
        Optional<String> localId = parts.identities().sourcePatientsOf(protagonist.id()).stream()
                .filter(s -> s.facilityId() == hospital.id()).map(SourcePatient::localId).findFirst();
        if (localId.isPresent()) {
            Path lab = StoryFiles.labCsv(folder, hospital, localId.get(), protagonist.person(), today);
            batches.add(parts.records().run(hospital, ImportKind.LAB_CSV, "demo-story", lab));
        }
        Optional<Facility> clinic = firstOfKind(FacilityKind.CLINIC);
        if (clinic.isEmpty()) {
            return batches;
        }
        if (localId.isPresent() && localId.get().length() >= 6) {
            Path storage = StoryFiles.documents(folder, hospital, clinic.get(), localId.get(), protagonist.person(), today);
            batches.add(parts.records().run(hospital, ImportKind.SSMIX2, "demo-story", storage));
        }
        if (pharmacy.isPresent() && pharmacy.get().code() != null) {
            Path jahis = StoryFiles.jahis(folder, pharmacy.get(), hospital, clinic.get(), protagonist.person(), today);
            batches.add(parts.records().run(pharmacy.get(), ImportKind.JAHIS, "demo-story", jahis));
        }
        Path review = StoryFiles.reviewCsv(folder, clinic.get(), protagonist.person(), today);
        batches.add(parts.records().run(clinic.get(), ImportKind.LAB_CSV, "demo-story", review));
        return batches;
    }

    /**
     * doctor1, nurse1, pharmacist1, … : the demo accounts a newcomer is told about, in profession order, then the
     * clinic's doctor and the pharmacy's pharmacist ({@link #EXTRA_ROLES}) and the visiting nurse of the first
     * home-nursing station.
     */
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
        // the clinic's doctor and the community pharmacy's pharmacist the README and the login page name
        for (String loginId : EXTRA_ROLES) {
            parts.users().findByLoginId(loginId).filter(User::active).ifPresent(users::add);
        }
        // the visiting nurse (the README and the login page name one): the first nurse of the first home-nursing station
        firstOfKind(FacilityKind.HOME_NURSING_STATION).flatMap(station -> parts.users()
                .search(null, station.id(), new PageRequest(1, PageRequest.MAX_SIZE)).items().stream()
                .filter(u -> u.profession() == Profession.NURSE && u.active()).findFirst()).ifPresent(users::add);
        return users;
    }

    /**
     * The persons the facility has records of (or the network's first), then the story's protagonist; at a care
     * office only persons of care age ({@link CareClients}).
     */
    private int link(User user, Facility facility, Map<Long, IssuedCard> cards, Optional<RegisteredPerson> protagonist) {
        boolean care = CareClients.careOffice(facility.kind());
        int wanted = care ? Integer.MAX_VALUE : PATIENTS_PER_FACILITY;
        List<RegisteredPerson> own = parts.identities().personsWithPatientsAt(facility.id(), wanted);
        List<RegisteredPerson> candidates = own.isEmpty() ? parts.identities().personsWithPatientsAt(null, wanted) : own;
        if (care) {
            candidates = CareClients.of(candidates, LocalDate.now(parts.clock().withZone(parts.zone())),
                    PATIENTS_PER_FACILITY);
        }
        Map<Long, RegisteredPerson> persons = new LinkedHashMap<>();
        candidates.forEach(p -> persons.put(p.id(), p));
        // Linked last, so that the home page (newest links first) shows the protagonist on top.
        protagonist.filter(p -> !care || CareClients.ofCareAge(p, LocalDate.now(parts.clock().withZone(parts.zone()))))
                .ifPresent(p -> {
                    persons.remove(p.id());
                    persons.put(p.id(), p);
                });
        int linked = 0;
        for (RegisteredPerson person : persons.values()) {
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
