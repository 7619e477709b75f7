package org.musubi.portal.menu;

/**
 * A way into a part of the network that a staff menu links to: the home, the clinical and the working lists, the
 * crew's screen, and the operators' and facility administrators' pages of the 管理 menu (each in its group). Which
 * user may go through which door is decided by {@link Doors}, for the menu and for the route alike.
 *
 * @param id        the link's HTML id
 * @param path      where the link goes ({@link #SURVEILLANCE}: the user's own page, decided by {@link Doors})
 * @param labelKey  the link's text (a message key)
 * @param group     the 管理 menu's group it sits in; null for the main menu
 * @param guarded   whether the route itself (the path and everything under it) refuses a user the door is closed to,
 *                  answering as for a page that does not exist; the other doors' routes are refused by their own
 *                  guards (Spring Security's admin roles, the controllers' policy), which {@link Doors} asks in turn
 */
public enum Door {
    HOME("nav-home", "/", "nav.home", null, false),
    CREW("nav-crew", "/emergency", "nav.crew", null, false),
    FACILITY_SEARCH("nav-facility-search", "/portal/facilities", "nav.facilitySearch", null, false),
    LETTERS("nav-letters", "/portal/letters", "nav.letters", null, true),
    BOX("nav-box", "/portal/box", "nav.box", null, true),
    CARE_TEAMS("nav-care-teams", "/portal/care-teams", "careTeam.mine", null, true),
    PATHWAYS("nav-pathways", "/portal/pathways", "pathway.page.list", null, true),
    CONSULTATIONS("nav-consultations", "/portal/consultations", "consult.list.title", null, true),
    SURVEILLANCE("nav-surveillance", "/surveillance", "nav.surveillance", null, false),
    RESEARCH("nav-research", "/research", "nav.research", null, true),

    FACILITIES("nav-facilities", "/admin/facilities", "nav.facilities", Group.FACILITIES_AND_USERS, false),
    APPLICATIONS("nav-applications", "/admin/applications", "nav.applications", Group.FACILITIES_AND_USERS, false),
    USERS("nav-users", "/admin/users", "nav.users", Group.FACILITIES_AND_USERS, false),
    API_CLIENTS("nav-api-clients", "/admin/api-clients", "nav.apiClients", Group.FACILITIES_AND_USERS, false),
    IDENTIFIER_SYSTEMS("nav-identifier-systems", "/admin/identifier-systems", "nav.identifierSystems",
            Group.FACILITIES_AND_USERS, false),
    MATCHING("nav-matching", "/admin/matching", "nav.matching", Group.PATIENTS, false),
    PERSONS("nav-persons", "/admin/persons", "nav.persons", Group.PATIENTS, false),
    IMPORTS("nav-imports", "/admin/imports", "nav.imports", Group.PATIENTS, false),
    IMAGING("nav-imaging", "/admin/imaging", "imaging.waiting.nav", Group.PATIENTS, false),
    EMERGENCY_REVIEW("nav-emergency", "/admin/emergency", "nav.emergency", Group.AUDIT, false),
    AUDIT("nav-audit", "/admin/audit", "nav.audit", Group.AUDIT, false),
    STATISTICS("nav-statistics", "/admin/statistics", "stats.title", Group.AUDIT, false),
    PATHWAY_STATISTICS("nav-pathway-statistics", "/admin/pathway-statistics", "pathway.stats.title", Group.AUDIT, false),
    RESEARCH_COMMITTEE("nav-research-committee", "/admin/research", "nav.researchCommittee", Group.AUDIT, false),
    INVOICES("nav-invoices", "/admin/invoices", "nav.invoices", Group.BILLING, false),
    FEES("nav-fees", "/admin/fees", "nav.fees", Group.BILLING, false),
    PATHWAY_TEMPLATES("nav-pathway-templates", "/admin/pathways", "nav.pathways", Group.SETTINGS, false),
    SMART_APPS("nav-smart-apps", "/admin/smart-apps", "nav.smartApps", Group.SETTINGS, false),
    NOTICES("nav-notices", "/admin/notices", "nav.notices", Group.SETTINGS, false),
    HELPDESK("nav-helpdesk", "/admin/helpdesk", "nav.helpdesk", Group.SETTINGS, false),
    PHR_INQUIRIES("nav-phr-inquiries", "/admin/phr-inquiries", "nav.phrInquiries", Group.RESIDENTS, false),
    PHR_POINTS("nav-phr-points", "/admin/phr-points", "nav.phrPoints", Group.RESIDENTS, false),
    DISASTER("nav-disaster", "/admin/disaster", "nav.disaster", Group.CONTINGENCY, false),
    OWN_RECORDS("nav-own-records", "/portal/own-records", "nav.ownRecords", Group.CONTINGENCY, false);

    /** The 管理 menu's groups, in the order shown, each under its heading. */
    public enum Group {
        FACILITIES_AND_USERS("nav.group.facilitiesAndUsers"),
        PATIENTS("nav.group.patients"),
        AUDIT("nav.group.audit"),
        BILLING("nav.group.billing"),
        SETTINGS("nav.group.settings"),
        RESIDENTS("nav.group.residents"),
        CONTINGENCY("nav.group.contingency");

        private final String headingKey;

        Group(String headingKey) {
            this.headingKey = headingKey;
        }

        public String headingKey() {
            return headingKey;
        }
    }

    private final String id;
    private final String path;
    private final String labelKey;
    private final Group group;
    private final boolean guarded;

    Door(String id, String path, String labelKey, Group group, boolean guarded) {
        this.id = id;
        this.path = path;
        this.labelKey = labelKey;
        this.group = group;
        this.guarded = guarded;
    }

    public String id() {
        return id;
    }

    public String path() {
        return path;
    }

    public String labelKey() {
        return labelKey;
    }

    public Group group() {
        return group;
    }

    public boolean guarded() {
        return guarded;
    }

    /** Whether a request's path (without the context path) goes through this door: its path or anything under it. */
    boolean covers(String requestPath) {
        return requestPath.equals(path) || requestPath.startsWith(path + "/");
    }
}
