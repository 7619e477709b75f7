package org.musubi.portal.menu;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.musubi.emergency.CrewAccess;
import org.musubi.policy.AccessPolicy;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.research.ResearchProjects;
import org.musubi.security.SignedIn;
import org.musubi.surveillance.web.SurveillanceLinks;
import org.springframework.stereotype.Component;

/**
 * Which door of the network a signed-in user may go through, in one place: the header's menus are drawn from it
 * ({@code ${@doors.menu(me)}}, {@code ${@doors.adminMenu(me)}}), the home sends each role to its first page from it
 * ({@link #landing}), and {@link DoorGuard} refuses a guarded door's page to whoever it is closed to, so that every
 * link a user is shown is one they may use. The rules follow the user's profession and the kind of the facility they
 * act for:
 * <ul>
 * <li>an ambulance crew (a paramedic of a fire department, {@link CrewAccess#crew}) has the crew's screen only;</li>
 * <li>the staff of a facility have their facility's lists (letters, Box, care teams, pathways); the case
 * consultations, the facility's own-records backup and research are for the clinical professions
 * ({@link AccessPolicy#OWN_RECORDS_PROFESSIONS}), research also for whoever a project names (a researcher);</li>
 * <li>infection surveillance is the page {@link SurveillanceLinks} gives: the reporting facilities' clinical staff
 * the daily form, a public-health office's officers the dashboard;</li>
 * <li>the 管理 menu: the network's operators every page, a facility's administrators their users, API clients,
 * identifier systems and imports (as Spring Security's roles on {@code /admin} let them), in groups.</li>
 * </ul>
 */
@Component("doors")
public class Doors {

    /** The kinds of facility that care for patients of their own: a researcher of any other kind lands on research. */
    private static final Set<FacilityKind> CARE_PROVIDERS = EnumSet.of(FacilityKind.HOSPITAL, FacilityKind.CLINIC,
            FacilityKind.DENTAL_CLINIC, FacilityKind.PHARMACY, FacilityKind.HOME_NURSING_STATION,
            FacilityKind.CARE_FACILITY);
    /** The kinds of facility ambulance crews hand persons over to. */
    private static final Set<FacilityKind> RECEIVE_HAND_OVERS = org.musubi.emergency.HandOverToHospital.RECEIVING;
    private static final Set<Door> FACILITY_ADMIN_DOORS = EnumSet.of(Door.USERS, Door.API_CLIENTS, Door.IMPORTS,
            Door.IDENTIFIER_SYSTEMS);
    private static final Set<Door> STAFF_LISTS = EnumSet.of(Door.LETTERS, Door.BOX, Door.CARE_TEAMS, Door.PATHWAYS);

    private final CrewAccess crew;
    private final SurveillanceLinks surveillance;
    private final ResearchProjects research;
    private final AccessPolicy policy;
    private final Facilities facilities;

    Doors(CrewAccess crew, SurveillanceLinks surveillance, ResearchProjects research, AccessPolicy policy,
          Facilities facilities) {
        this.crew = crew;
        this.surveillance = surveillance;
        this.research = research;
        this.policy = policy;
        this.facilities = facilities;
    }

    /** A link of a menu: the door, where it goes for this user, its text. */
    public record Link(Door door, String href, String labelKey) {
        public String id() {
            return door.id();
        }
    }

    /** A group of the 管理 menu under its heading. */
    public record Group(Door.Group group, List<Link> links) {
        public String headingKey() {
            return group.headingKey();
        }

        public String id() {
            return "nav-group-" + group.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** The main menu's links for {@code me}, in order; none for no one signed in or a resident. */
    public List<Link> menu(SignedIn me) {
        Who who = who(me);
        List<Link> links = new ArrayList<>();
        for (Door door : Door.values()) {
            if (door.group() == null && opens(who, door)) {
                links.add(link(who, door));
            }
        }
        return links;
    }

    /** The 管理 menu's groups for {@code me}, in order, each with the links that are theirs; empty when none is. */
    public List<Group> adminMenu(SignedIn me) {
        Who who = who(me);
        Map<Door.Group, List<Link>> groups = new EnumMap<>(Door.Group.class);
        for (Door door : Door.values()) {
            if (door.group() != null && opens(who, door)) {
                groups.computeIfAbsent(door.group(), g -> new ArrayList<>()).add(link(who, door));
            }
        }
        return groups.entrySet().stream().map(e -> new Group(e.getKey(), List.copyOf(e.getValue()))).toList();
    }

    /** Whether {@code me} may go through {@code door} (and so is shown its link). */
    public boolean opens(SignedIn me, Door door) {
        return opens(who(me), door);
    }

    /**
     * Where {@code me}'s home is, when it is another page than the home's list of linked patients: a resident's
     * notebook, a crew's screen, a public-health officer's surveillance dashboard, the research of a researcher of a
     * facility that cares for no patients itself; else empty.
     */
    public Optional<String> landing(SignedIn me) {
        if (me == null) {
            return Optional.empty();
        }
        if (Profession.RESIDENT.name().equals(me.profession())) {
            return Optional.of("/phr");
        }
        Who who = who(me);
        if (who.crew()) {
            return Optional.of(Door.CREW.path());
        }
        String theirs = surveillance.of(me);
        if (theirs != null && !theirs.equals(Door.SURVEILLANCE.path())) {
            return Optional.of(theirs);
        }
        if (who.facility().map(f -> !CARE_PROVIDERS.contains(f.kind())).orElse(false) && opens(who, Door.RESEARCH)
                && who.named()) {
            return Optional.of(Door.RESEARCH.path());
        }
        return Optional.empty();
    }

    /** Whether {@code me} may open the ambulance crews' hand-overs to their facility (and is shown them). */
    public boolean receivesHandOvers(SignedIn me) {
        Who who = who(me);
        return who.staff() && policy.breaksGlass(who.profession())
                && who.facility().map(f -> RECEIVE_HAND_OVERS.contains(f.kind())).orElse(false);
    }

    private boolean opens(Who who, Door door) {
        SignedIn me = who.me();
        if (me == null || who.profession() == Profession.RESIDENT) {
            return false;
        }
        if (door.group() != null) {
            return admin(who, door);
        }
        return switch (door) {
            case HOME, FACILITY_SEARCH -> !who.crew();
            case CREW -> who.crew();
            case CONSULTATIONS -> who.staff() && !who.crew() && who.clinical();
            case SURVEILLANCE -> !who.crew() && surveillance.of(me) != null;
            case RESEARCH -> who.staff() && !who.crew() && (who.clinical() || who.named());
            default -> STAFF_LISTS.contains(door) && who.staff() && !who.crew();
        };
    }

    private boolean admin(Who who, Door door) {
        SignedIn me = who.me();
        if (door == Door.OWN_RECORDS) {
            return who.staff() && who.clinical();
        }
        if (door == Door.IDENTIFIER_SYSTEMS) {
            // the operators reach each facility's systems from its page; the menu's link is the facility admin's
            return !me.networkAdmin() && me.facilityAdmin();
        }
        return me.networkAdmin() || (FACILITY_ADMIN_DOORS.contains(door) && me.facilityAdmin());
    }

    private Link link(Who who, Door door) {
        String href = door == Door.SURVEILLANCE ? surveillance.of(who.me()) : door.path();
        return new Link(door, href, door.labelKey());
    }

    private Who who(SignedIn me) {
        return new Who(me);
    }

    /** The user, with what the rules ask of them looked up once and only when asked. */
    private final class Who {
        private final SignedIn me;
        private final Profession profession;
        private Optional<Facility> facility;
        private Boolean crew;
        private Boolean named;

        Who(SignedIn me) {
            this.me = me;
            Profession p = null;
            if (me != null && me.profession() != null) {
                try {
                    p = Profession.valueOf(me.profession());
                } catch (IllegalArgumentException unknown) {
                    p = null;
                }
            }
            this.profession = p;
        }

        SignedIn me() {
            return me;
        }

        Profession profession() {
            return profession;
        }

        boolean staff() {
            return me != null && me.facilityId() != null && profession != null && profession != Profession.RESIDENT
                    && profession != Profession.FACILITY_SYSTEM;
        }

        boolean clinical() {
            return profession != null && AccessPolicy.OWN_RECORDS_PROFESSIONS.contains(profession);
        }

        Optional<Facility> facility() {
            if (facility == null) {
                facility = me == null || me.facilityId() == null ? Optional.empty() : facilities.find(me.facilityId());
            }
            return facility;
        }

        boolean crew() {
            if (crew == null) {
                crew = me != null && profession == Profession.PARAMEDIC && Doors.this.crew.crew(me.userId());
            }
            return crew;
        }

        boolean named() {
            if (named == null) {
                named = me != null && !research.naming(me.userId()).isEmpty();
            }
            return named;
        }
    }
}
