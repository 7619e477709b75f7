package org.musubi.policy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.musubi.audit.Purpose;
import org.musubi.policy.internal.CareRules;
import org.musubi.policy.internal.DisclosureRules;
import org.musubi.policy.matrix.ProfessionMatrix;
import org.musubi.registry.Profession;

/**
 * The one access decision: may this requester, for this purpose, see this person's data item?
 * Rules are tried in this order and the first that applies decides:
 * <ol>
 *   <li>A disabled user is denied ({@code userDisabled}); so is a user whose facility is suspended
 *       ({@code facilitySuspended}). Users without a facility cannot be suspended.</li>
 *   <li>{@code PATIENT_SELF_ACCESS}: permitted, every category, to the patient themself
 *       ({@code patientSelfAccess}), and to a resident the person made their proxy (代理人) while the grant is live
 *       ({@code proxyAccess}; ended or revoked: {@code proxyExpired}); anyone else {@code notThePatient}. Never an item of
 *       the JP-CLINS flags ({@link DataCategory#FLAGS}): data flagged 未告知 {@code notToldToPatient}, 未提供
 *       {@code notForSharing}.</li>
 *   <li>{@code RESEARCH}: always denied; research uses the de-identified export
 *       ({@code researchNotThroughRecords}, and {@link DeidentifiedRelease} for that export).</li>
 *   <li>{@code OPERATIONS}: network administrators may see demographics, for identity management
 *       ({@code notNetworkAdmin}, {@code operationsDemographicsOnly}).</li>
 *   <li>Rules 5–9 apply to {@code TREATMENT} and {@code EMERGENCY}. The person blocked the
 *       requester's facility ({@code facilityBlocked}): this wins over consent, links, own data and
 *       break-the-glass.</li>
 *   <li>The {@link ProfessionMatrix} does not let the profession see the category
 *       ({@code categoryNotAllowedForProfession}), whoever's data it is.</li>
 *   <li>Data whose source is the requester's own facility is permitted ({@code ownFacilityData}):
 *       no consent, link or break-the-glass needed. Data of a category the network never shares
 *       ({@link DataCategory#SOURCE_FACILITY_ONLY}: administrative and financial data) from any other
 *       facility is denied here ({@code sourceFacilityOnly}; data flagged JP-CLINS 未提供 {@code notForSharing}), whatever
 *       consents, links or break-the-glass say. The flags are not kinds of data: the matrix (rule 6) and the emergency
 *       minimum (rule 8) let them pass, the flagged data's own category being judged as its own item.</li>
 *   <li>{@code EMERGENCY}: a profession that may use break-the-glass ({@code professionNotForEmergency}; by
 *       default doctors, dentists, nurses, midwives, pharmacists and paramedics, not clerks nor care staff), an
 *       open break-the-glass by this user ({@code noEmergencyAccess},
 *       {@code emergencyAccessExpired}; it closes at its expiry instant), a category of the
 *       {@linkplain DataCategory#EMERGENCY_MINIMUM emergency minimum} ({@code notInEmergencyMinimum})
 *       and an active consent for {@code EMERGENCY} covering the source facility ({@code noConsent},
 *       {@code consentScopeExcludesSource}) permit ({@code emergencyAccess}). No link is needed. The staff of a
 *       designated disaster responder (a DMAT team registered as a facility) need besides that disaster mode (災害モード)
 *       covers the person now ({@code outsideDisasterMode}): before it is switched on and after it ends they open
 *       nothing.</li>
 *   <li>{@code TREATMENT}: a viewing facility ({@code facilityNotViewing}), an active consent for
 *       {@code TREATMENT} covering the source facility ({@code noConsent}; a disclosure card covers
 *       only its issuing hospital: {@code consentScopeExcludesSource}) and a live link of the
 *       requester's facility ({@code notLinked}, {@code linkEnded}, {@code linkExpired}; a link is
 *       live up to and including {@code lastUsed + idle period}) permit
 *       ({@code treatmentConsentAndLink}). Failing that, a live member of one of the person's care teams (joined for
 *       the facility the requester acts for, not ended, not past its end) with that consent is permitted
 *       ({@code careTeamMember}): no link and no viewing facility needed.</li>
 *   <li>{@code OWN_RECORDS} (非常時バックアップ: the facility's own system is down): after rule 5 (a block wins), a
 *       clinical profession ({@link #OWN_RECORDS_PROFESSIONS}; {@code professionNotForOwnRecords}) and the matrix (rule
 *       6) permit exactly the data the requester's own facility sent ({@code ownSourceData}; anything else
 *       {@code notOwnSource}); the person opens when that facility sent data of theirs. No consent or link.</li>
 *   <li>Anything else, i.e. no purpose, is denied ({@code noRule}).</li>
 * </ol>
 * {@link #decidePerson} asks the same before any data: rules 1–5 as above; the profession must see
 * at least one category (for emergencies, one of the minimum); the consent must be active for the
 * purpose whatever its scope. Rule 7 comes last at this level: when rules 8–9 deny, a requester
 * whose facility is one of the person's source facilities may still open the person, and then sees item by item only
 * what rules 7–9 permit — but only as far as its {@linkplain #standing standing} reaches:
 * <ul>
 *   <li>with standing (a live link of its facility, made with the person's card) it opens the person
 *       ({@code ownFacilityData}; for {@code OWN_RECORDS} {@code ownSourceData});</li>
 *   <li>without, <b>an automatic match grants nothing</b>: asked by the person's id the person does not open (the
 *       refusal of rules 8–9, or {@code notLinked} for {@code OWN_RECORDS}), exactly as for a facility that holds no
 *       data of theirs; asked through the facility's own patient (its own patient ID, its own record), only that
 *       patient opens ({@code ownPatient}): its own data, under what it sent itself, never the person.</li>
 * </ul>
 */
public final class AccessPolicy {

    public static final Duration DEFAULT_LINK_IDLE_PERIOD = Duration.ofDays(180);
    /** The professions that may break the glass unless configured otherwise: those who treat in an emergency. */
    public static final Set<Profession> DEFAULT_EMERGENCY_PROFESSIONS = Set.of(Profession.DOCTOR, Profession.DENTIST,
            Profession.NURSE, Profession.MIDWIFE, Profession.PHARMACIST, Profession.PARAMEDIC);

    /** The professions that may read their facility's own records as its backup ({@code OWN_RECORDS}): those who treat. */
    public static final Set<Profession> OWN_RECORDS_PROFESSIONS = Set.of(Profession.DOCTOR, Profession.DENTIST,
            Profession.PHARMACIST, Profession.NURSE, Profession.PUBLIC_HEALTH_NURSE, Profession.MIDWIFE,
            Profession.PHYSICAL_THERAPIST, Profession.OCCUPATIONAL_THERAPIST, Profession.SPEECH_THERAPIST);

    private final ProfessionMatrix matrix;
    private final Duration linkIdlePeriod;
    private final Set<Profession> emergencyProfessions;
    private final Clock clock;
    private final CareRules rules;
    private final DisclosureRules disclosures;

    public AccessPolicy(ProfessionMatrix matrix, Duration linkIdlePeriod, Set<Profession> emergencyProfessions,
                        Clock clock) {
        this.matrix = Objects.requireNonNull(matrix, "matrix");
        this.linkIdlePeriod = Objects.requireNonNull(linkIdlePeriod, "linkIdlePeriod");
        this.emergencyProfessions = Set.copyOf(emergencyProfessions);
        this.clock = Objects.requireNonNull(clock, "clock");
        if (linkIdlePeriod.isNegative() || linkIdlePeriod.isZero()) {
            throw new IllegalArgumentException("the link idle period must be positive: " + linkIdlePeriod);
        }
        this.rules = new CareRules(matrix, linkIdlePeriod, emergencyProfessions, OWN_RECORDS_PROFESSIONS);
        this.disclosures = new DisclosureRules(rules, clock);
    }

    public AccessPolicy(ProfessionMatrix matrix, Duration linkIdlePeriod, Clock clock) {
        this(matrix, linkIdlePeriod, DEFAULT_EMERGENCY_PROFESSIONS, clock);
    }

    public AccessPolicy(ProfessionMatrix matrix, Clock clock) {
        this(matrix, DEFAULT_LINK_IDLE_PERIOD, DEFAULT_EMERGENCY_PROFESSIONS, clock);
    }

    /** Whether the profession may break the glass at all (before any person is looked up). */
    public boolean breaksGlass(Profession profession) {
        return profession != null && emergencyProfessions.contains(profession);
    }

    /**
     * May the user break the glass at all, before any person is looked up: rule 1, an emergency profession
     * ({@code professionNotForEmergency}), and for a disaster responder's staff disaster mode on somewhere
     * ({@code outsideDisasterMode}).
     */
    public Decision decideBreakGlass(Requester requester, boolean disasterModeOn) {
        if (!requester.userActive()) {
            return new Deny(Deny.USER_DISABLED);
        }
        if (requester.facilitySuspended()) {
            return new Deny(Deny.FACILITY_SUSPENDED);
        }
        if (!breaksGlass(requester.profession())) {
            return new Deny(Deny.PROFESSION_NOT_FOR_EMERGENCY);
        }
        return requester.disasterResponder() && !disasterModeOn ? new Deny(Deny.OUTSIDE_DISASTER_MODE)
                : new Permit(Permit.EMERGENCY_ACCESS);
    }

    /**
     * May the requester see, as the party it was made to, what a disclosure ({@link Disclosure}: a letter, a
     * consultation, a study sent for reading, a Box file, a document) let it see — the disclosure as a whole ({@code
     * item} null), or this item of it? Never the person: what is read through a disclosure is what was sent, and it
     * grants no standing. Each {@link DisclosureKind.Rule}, in order:
     * <ul>
     *   <li>every rule: rule 1 (a disabled user, a suspended facility), then a facility the person blocked ({@code
     *       facilityBlocked});</li>
     *   <li>{@code ADDRESSEE} (a letter): like a fax, no consent or link — a requester who does not act for the
     *       addressed facility ({@code notAddressed}); data flagged JP-CLINS 未提供 ({@code notForSharing}); the profession
     *       matrix: the whole needs the kind's category ({@link DataCategory#REFERRALS}), an item its own ({@code
     *       categoryNotAllowedForProfession}); then the kind's permit ({@code addressedLetter});</li>
     *   <li>{@code ADDRESSEE_OF_ASKER} (a consultation, a reading): as {@code ADDRESSEE}, the whole needing {@link
     *       DataCategory#DOCUMENTS} (a consultation is a Communication, a document); an item sent by another facility
     *       than the asker's needs what any sharing needs: not a category the network never shares ({@code
     *       sourceFacilityOnly}) and an active consent for treatment covering its source ({@code noConsent}, {@code
     *       consentScopeExcludesSource}); then {@code consultedThread};</li>
     *   <li>{@code CONSENTED_SENDER} (a Box file, at receiving and at each download): the matrix for {@link
     *       DataCategory#DOCUMENTS}; a requester who acts for the sender's facility needs its standing ({@code
     *       ownFacilityData}, else {@code notLinked}: a file about a person is sent only on a card-made link); anyone
     *       else an active consent for treatment covering the sender's facility ({@code noConsent}, {@code
     *       consentScopeExcludesSource}), then {@code sentFile};</li>
     *   <li>{@code NAMED_READER} (a document): no consent or link (the sender had standing when it sent) — a requester
     *       who does not act for the addressed facility, or is not the addressed user when the document names one
     *       ({@code notAddressed}); a profession the document is not meant for ({@code categoryNotAllowedForProfession});
     *       then {@code addressedDocument}.</li>
     * </ul>
     * An item of a disclosure that reaches nothing of the record (a file, a document) is refused ({@code noRule}).
     */
    public Decision decideDisclosed(Requester requester, PersonFacts facts, Disclosure disclosure, DataItem item) {
        return disclosures.decide(requester, facts, disclosure, item);
    }

    /**
     * May the requester list what other parties disclosed to their facility and what it disclosed (the letters' inbox
     * and outbox, the consultations asked and received: patient names, kinds, statuses)? An active user of an active
     * facility whose profession sees {@link DataCategory#REFERRALS}; opening each is decided again ({@link
     * #decideDisclosed}, or the sender's own data).
     */
    public Decision decideInbox(Requester requester) {
        return disclosures.inbox(requester);
    }

    /** May the requester see this item of the person's record? */
    public Decision decide(Requester requester, Purpose purpose, PersonFacts facts, DataItem item) {
        return rules.evaluate(clock.instant(), requester, purpose, facts, Objects.requireNonNull(item, "item"));
    }

    /**
     * May the requester open this person, asked by the person's id or ({@code throughOwnPatient}) through a patient of
     * the requester's own facility that is linked to the person? Without {@linkplain #standing standing}, the second
     * opens only that patient ({@code ownPatient}), the first nothing the requester's own data would open.
     */
    public Decision decidePerson(Requester requester, Purpose purpose, PersonFacts facts, boolean throughOwnPatient) {
        Instant now = clock.instant();
        Decision decision = rules.evaluate(now, requester, purpose, facts, null);
        if (!decision.key().equals(Permit.OWN_FACILITY_DATA) && !decision.key().equals(Permit.OWN_SOURCE_DATA)
                || standing(now, requester, facts)) {
            return decision;
        }
        if (throughOwnPatient) {
            return new Permit(Permit.OWN_PATIENT);
        }
        return purpose == Purpose.OWN_RECORDS ? new Deny(Deny.NOT_LINKED) : evaluateWithoutOwnData(now, requester, purpose, facts);
    }

    /**
     * Whether the requester's facility has <b>standing</b> for the person: a live link (連携) of its own, which only the
     * person's card (its number and check code, or its QR code) makes, at a viewing facility that is no crew's. This is
     * the one test of "may this facility act for this person?": opening the person by id on its own data, learning
     * the person's id, issuing notebook registration codes, confirming an account recovery, placing the person in a
     * disaster area. A patient of the facility that 名寄せ matched to the person (automatically, or from an operator's
     * review of the same demographics) is data, never standing.
     */
    public boolean standing(Requester requester, PersonFacts facts) {
        return standing(clock.instant(), requester, facts);
    }

    private boolean standing(Instant now, Requester requester, PersonFacts facts) {
        return rules.standing(now, requester, facts);
    }

    /** The facilities these links give standing now: those whose link is live. */
    public Set<Long> standingFacilities(Collection<FacilityLink> links) {
        Instant now = clock.instant();
        return links.stream().filter(l -> l.liveAt(now, linkIdlePeriod)).map(FacilityLink::facilityId)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The person-level decision of rules 8–9 alone, as for a requester whose facility sent none of the person's data. */
    private Decision evaluateWithoutOwnData(Instant now, Requester requester, Purpose purpose, PersonFacts facts) {
        PersonFacts without = new PersonFacts(facts.personId(), facts.consents(), facts.links(), facts.blockedFacilityIds(),
                facts.emergencies(), facts.sourceFacilityIds().stream().filter(id -> !requester.actsFor(id))
                        .collect(Collectors.toSet()), facts.proxies(), facts.inDisasterArea(), facts.teamMembers());
        return rules.evaluate(now, requester, purpose, without, null);
    }

    /**
     * May the requester list their facility's linked patients (its own link list, with demographics)?
     * Rules 1 as above; then the requester must act for a viewing facility ({@code facilityNotViewing})
     * and their profession must see {@link DataCategory#DEMOGRAPHICS} ({@code categoryNotAllowedForProfession});
     * then {@code linkedPatientList} permits. Consents are not asked: the list holds only persons the
     * facility linked itself, and opening any of them is decided again, person by person.
     */
    public Decision decideLinkList(Requester requester) {
        if (!requester.userActive()) {
            return new Deny(Deny.USER_DISABLED);
        }
        if (requester.facilitySuspended()) {
            return new Deny(Deny.FACILITY_SUSPENDED);
        }
        if (requester.facilityId() == null || !requester.facilityViewing()) {
            return new Deny(Deny.FACILITY_NOT_VIEWING);
        }
        return matrix.allows(requester.profession(), DataCategory.DEMOGRAPHICS)
                ? new Permit(Permit.LINKED_PATIENT_LIST) : new Deny(Deny.CATEGORY_NOT_ALLOWED_FOR_PROFESSION);
    }

    /**
     * Each item's decision (its reason), to judge a result set without auditing each row: exactly {@link #decide} for
     * each item, at the instant this was made so one result set is judged at one time. Make a new one per query.
     */
    public Function<DataItem, Decision> itemDecisions(Requester requester, Purpose purpose,
                                                                          PersonFacts facts) {
        Instant now = clock.instant();
        return item -> rules.evaluate(now, requester, purpose, facts, Objects.requireNonNull(item, "item"));
    }
}
