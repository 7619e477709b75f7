package org.musubi.demo.wings;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.musubi.box.SendFiles;
import org.musubi.carenet.AssignTeamTask;
import org.musubi.carenet.CareTeams;
import org.musubi.carenet.RecordTeamVitals;
import org.musubi.carenet.WriteTeamNote;
import org.musubi.carenet.enrolment.Pathways;
import org.musubi.carenet.enrolment.StageFilling;
import org.musubi.carenet.municipal.RequestOpinion;
import org.musubi.consent.LinkPatientToFacility;
import org.musubi.consult.AskConsultation;
import org.musubi.consult.PostToConsultation;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.RegisteredPerson;
import org.musubi.identity.cards.IssuedCard;
import org.musubi.letters.exchange.AnswerLetter;
import org.musubi.letters.exchange.SendLetter;
import org.musubi.policy.PersonAccess;
import org.musubi.publish.Publishing;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.User;
import org.musubi.registry.Users;
import org.musubi.research.ApplyForResearch;
import org.musubi.research.DecideResearchProject;
import org.musubi.research.EthicsDocuments;
import org.musubi.research.extraction.ExtractionDesk;
import org.musubi.security.ActAs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's story of every wing, told after the records and the main story (whose cards and links it builds on),
 * each part as the users who would do it: the letters between the hospital ({@code doctor2}, not the first tour's
 * {@code doctor1}, whose home counts what he has not opened yet) and the clinic
 * ({@code doctor5}), the protagonist's consultation with the kidney clinic ({@code doctor6}) and his diet guidance shared
 * by Box, a stroke patient's pathway waiting at the responder hospital's recovery stage ({@code doctor3}), an elderly
 * resident's home-care team ({@code caremanager1}, {@code nurse8}) and the municipality's request for her doctor's
 * opinion ({@code municipal1}); the clinic without an EHR ({@code noehr1}) whose receipt files and a document it
 * published by hand tell of the same elderly resident; the researcher's ({@code researcher1}) approved project with its
 * first extraction. A part whose users or persons are missing, or that a use case refuses, is left out and
 * logged; the others are still told. No loops over the network: a few dozen writes, a second or two.
 */
public final class DemoWings {

    /** The hospital's (second) doctor, the clinic's doctor, the kidney clinic's, the responder hospital's. */
    static final String HOSPITAL_DOCTOR = "doctor2";
    static final String CLINIC_DOCTOR = "doctor5";
    static final String SPECIALIST = "doctor6";
    static final String RECOVERY_DOCTOR = "doctor3";
    static final String CARE_MANAGER = "caremanager1";
    static final String VISITING_NURSE = "nurse8";
    private static final Logger log = LoggerFactory.getLogger(DemoWings.class);

    private final Parts parts;

    /** The use cases the wings' story goes through. */
    public record Parts(Users users, Facilities facilities, IdentityStore identities, LinkPatientToFacility links,
                        ActAs actAs, LetterActs letters, CareTeams teams, TeamActs workspace,
                        ConsultActs consultations, Pathways pathways, StageFilling filling, SendFiles boxFiles,
                        RequestOpinion municipal, PersonAccess access, Publishing publishing, Receipts receipts,
                        ResearchActs research, ExtractionDesk extractions, EthicsDocuments ethics) {
    }

    /** The research desk's acts the wings' story goes through. */
    public record ResearchActs(ApplyForResearch applications, DecideResearchProject decisions) {
    }

    /** The letters' acts the wings' story goes through. */
    public record LetterActs(SendLetter send, AnswerLetter answer) {
    }

    /** The consultations' acts the wings' story goes through. */
    public record ConsultActs(AskConsultation ask, PostToConsultation post) {
    }

    /** The care-team workspace's acts the wings' story goes through. */
    public record TeamActs(WriteTeamNote notes, RecordTeamVitals vitals, AssignTeamTask tasks) {
    }

    /** Imports receipt (UKE) files as a facility's source of that kind: the demo's importer. */
    public interface Receipts {
        /** Imports {@code files} (name → content) as {@code facility}'s receipt files in one batch; the records read. */
        long importFiles(Facility facility, Map<String, byte[]> files);
    }

    /**
     * Who the wings' story is about: the protagonist (the first tour's patient, empty when there is none) and the
     * regional cards the operator issued, by person id.
     */
    public record Cast(Optional<RegisteredPerson> protagonist, Map<Long, IssuedCard> cards) {
    }

    /** What was told: the parts, in order, and whether each was. */
    public record Told(Map<String, Boolean> parts, long millis) {

        @Override
        public String toString() {
            return parts + " in " + millis + " ms";
        }
    }

    public DemoWings(Parts parts) {
        this.parts = parts;
    }

    /** Tells every wing's part of the story on {@code today}. */
    public Told tell(Cast cast, LocalDate today) {
        long start = System.nanoTime();
        Map<String, Boolean> told = new LinkedHashMap<>();
        WingContext c = new WingContext(parts, cast.cards(), today);
        Optional<User> hospitalDoctor = c.user(HOSPITAL_DOCTOR);
        Optional<User> clinicDoctor = c.user(CLINIC_DOCTOR);
        Optional<Long> protagonist = cast.protagonist().map(RegisteredPerson::id);
        List<Long> hospitalPatients = hospitalDoctor.flatMap(User::actingFacilityId).map(h -> parts.identities()
                .personsWithPatientsAt(h, 8).stream().map(RegisteredPerson::id)
                .filter(id -> protagonist.map(p -> p != id).orElse(true)).toList()).orElse(List.of());
        if (hospitalDoctor.isPresent() && clinicDoctor.isPresent() && protagonist.isPresent()
                && !hospitalPatients.isEmpty()) {
            told.put("letters", part("letters", () -> new LetterWing(parts.letters()).tell(c, hospitalDoctor.get(),
                    clinicDoctor.get(), protagonist.get(), hospitalPatients.getFirst()).waiting().isPresent()));
            told.put("box", part("box", () -> new BoxWing(parts.boxFiles()).tell(c, hospitalDoctor.get(), clinicDoctor.get(),
                    protagonist.get()).isPresent()));
        }
        Optional<User> specialist = c.user(SPECIALIST);
        if (hospitalDoctor.isPresent() && specialist.isPresent() && protagonist.isPresent()) {
            told.put("consultation", part("consultation", () -> new ConsultWing(parts.consultations()).tell(c,
                    hospitalDoctor.get(), specialist.get(), protagonist.get()).isPresent()));
        }
        Optional<User> recoveryDoctor = c.user(RECOVERY_DOCTOR);
        if (hospitalDoctor.isPresent() && recoveryDoctor.isPresent() && hospitalPatients.size() > 1) {
            long strokePatient = hospitalPatients.get(1);
            told.put("pathway", part("pathway", () -> {
                c.linkIfNot(recoveryDoctor.get(), strokePatient);
                return new PathwayWing(parts.pathways(), parts.filling()).tell(c, hospitalDoctor.get(),
                        recoveryDoctor.get(), strokePatient).isPresent();
            }));
        }
        Optional<User> careManager = c.user(CARE_MANAGER);
        Optional<User> nurse = c.user(VISITING_NURSE);
        Optional<Long> elder = elder(cast, today);
        if (careManager.isPresent() && nurse.isPresent() && elder.isPresent()) {
            // the care office links persons of 65 and over in kana order: she may be further down its list
            c.linkIfNot(careManager.get(), elder.get());
            c.linkIfNot(nurse.get(), elder.get());
            clinicDoctor.ifPresent(d -> c.linkIfNot(d, elder.get()));
            told.put("careTeam", part("careTeam", () -> new CareTeamWing(parts.teams(), parts.workspace()).tell(c,
                    elder.get(), careManager.get(), nurse.get(), clinicDoctor.orElse(null)) != null));
        }
        Optional<User> officer = c.user(DemoStaff.MUNICIPAL_OFFICER);
        if (officer.isPresent() && clinicDoctor.isPresent() && elder.isPresent()) {
            told.put("municipal", part("municipal", () -> c.linkIfNot(officer.get(), elder.get())
                    && new MunicipalWing(parts.municipal()).tell(c, officer.get(), clinicDoctor.get(), elder.get())
                    .isPresent()));
        }
        Optional<User> noEhrDoctor = c.user(DemoStaff.NO_EHR_DOCTOR);
        if (noEhrDoctor.isPresent() && elder.isPresent()) {
            told.put("noEhr", part("noEhr", () -> new NoEhrWing(parts.receipts(), parts.publishing()).tell(c,
                    noEhrDoctor.get(), elder.get()).isPresent()));
        }
        Optional<User> researcher = c.user(DemoStaff.RESEARCHER);
        Optional<User> operator = c.user("admin").filter(User::networkAdmin);
        if (researcher.isPresent() && operator.isPresent()) {
            told.put("research", part("research", () -> new ResearchWing(parts.research().applications(), parts.research().decisions(),
                    parts.extractions(),
                    parts.ethics()).tell(c, researcher.get(), operator.get()).isPresent()));
        }
        Told result = new Told(told, (System.nanoTime() - start) / 1_000_000);
        log.info("Demo wings told: {}", result);
        return result;
    }

    /**
     * The elderly resident of the home-care team: the first person of 75 or more with records, in the network's
     * kana order (the care office links persons of care age in that order), not the protagonist.
     */
    private Optional<Long> elder(Cast cast, LocalDate today) {
        List<RegisteredPerson> persons = new ArrayList<>(parts.identities().personsWithPatientsAt(null, Integer.MAX_VALUE));
        return persons.stream().filter(p -> cast.cards().containsKey(p.id()))
                .filter(p -> cast.protagonist().map(t -> t.id() != p.id()).orElse(true))
                .filter(p -> p.person().birthDate() != null
                        && Period.between(p.person().birthDate(), today).getYears() >= 75)
                .map(RegisteredPerson::id).findFirst();
    }

    /** One part, told or not: a refusal of a use case is logged and leaves the other parts to be told. */
    private static boolean part(String name, Supplier<Boolean> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            log.warn("Demo wings: the {} part could not be told: {}", name, e.toString());
            return false;
        }
    }
}
