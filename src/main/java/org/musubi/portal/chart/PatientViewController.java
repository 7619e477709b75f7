package org.musubi.portal.chart;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.musubi.audit.Purpose;
import org.musubi.imaging.studies.StudyIndex;
import org.musubi.letters.LetterKind;
import org.musubi.medication.fhir.MedicationRows;
import org.musubi.medication.fhir.Medications;
import org.musubi.policy.DataCategory;
import org.musubi.policy.Permit;
import org.musubi.record.Outline;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.security.SignedIn;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The integrated viewer (統合ビューア): the patient header and the timeline across every facility. */
@Controller
class PatientViewController {

    /** The medication tab: every prescription and dispensing (the chart reads them for the checks anyway). */
    private static final PatientChart.Selection ALL_MEDICATIONS = new PatientChart.Selection() {
        @Override
        public Collection<String> select(List<Outline> outline) {
            return List.of();
        }

        @Override
        public boolean allMedications() {
            return true;
        }
    };
    /** The letters the record's menu offers to write (a reply is written from the letter it answers). */
    private static final List<LetterKind> COMPOSED_KINDS = Arrays.stream(LetterKind.values())
            .filter(k -> k != LetterKind.REPLY).toList();
    private final PatientChart chart;
    private final Facilities facilities;
    private final StudyIndex studies;

    PatientViewController(PatientChart chart, Facilities facilities, StudyIndex studies) {
        this.chart = chart;
        this.facilities = facilities;
        this.studies = studies;
    }

    @GetMapping("/portal/patients/{personId}")
    String timeline(@AuthenticationPrincipal SignedIn me, @PathVariable String personId,
                    @RequestParam(defaultValue = "TREATMENT") String purpose,
                    @RequestParam(required = false) Set<Long> facility, @RequestParam(required = false) Set<TimelineKind> kind,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                    @RequestParam(defaultValue = "0") int page, Model model, HttpServletResponse response) {
        TimelineFilter filter = new TimelineFilter(facility, kind, from, to, page);
        TimelinePage[] chosen = new TimelinePage[1];
        PatientChart.Opened opened = chart.open(me, personId, purpose(purpose), "timeline", outline -> {
            chosen[0] = TimelinePage.of(outline, filter);
            return chosen[0].ids();
        });
        if (!(opened instanceof PatientChart.Chart shown)) {
            return denied(model, response);
        }
        Timeline timeline = Timeline.of(shown.entries().stream().filter(e -> chosen[0].ids().contains(e.resourceId()))
                .toList(), filter, chosen[0]);
        header(model, shown.header(), purpose, "timeline");
        model.addAttribute("timeline", timeline);
        model.addAttribute("filter", filter);
        model.addAttribute("kinds", TimelineKind.values());
        model.addAttribute("facilityNames", names(timeline.facilities().keySet()));
        model.addAttribute("letterKinds", COMPOSED_KINDS);
        model.addAttribute("viewableStudies", studies.uidsOfResources(timeline.days().stream().flatMap(d -> d.entries().stream())
                .filter(e -> "ImagingStudy".equals(e.resourceType())).map(ChartEntry::resourceId).toList()));
        return "portal/patient";
    }

    @GetMapping("/portal/patients/{personId}/medications")
    String medications(@AuthenticationPrincipal SignedIn me, @PathVariable String personId,
                       @RequestParam(defaultValue = "TREATMENT") String purpose, Model model, HttpServletResponse response) {
        PatientChart.Opened opened = chart.open(me, personId, purpose(purpose), "medications", ALL_MEDICATIONS);
        if (!(opened instanceof PatientChart.Chart shown)) {
            return denied(model, response);
        }
        header(model, shown.header(), purpose, "medications");
        model.addAttribute("current", shown.medications().current());
        model.addAttribute("past", shown.medications().past());
        model.addAttribute("reportedCurrent", shown.reported().medicines());
        model.addAttribute("reportedPast", shown.reported().pastMedicines());
        model.addAttribute("unknown", shown.medications().checks().unknown().size());
        model.addAttribute("facilityNames", names(shown.medications().rows().stream()
                .map(MedicationRows.Row::facilityId).collect(Collectors.toSet())));
        return "portal/medications";
    }

    /**
     * 健康手帳ビューワ: what the resident recorded in their health notebook (vital signs, the emergency sheet with its
     * photos and who entered it; a link to enter it on the patient's behalf for those who may; the OTC drugs and
     * supplements the resident or their proxy entered, labelled 患者申告 — the chart reads the sheet and those for every
     * page), always labelled as patient-reported; read like every page (one audited interaction, the policy's
     * categories).
     */
    @GetMapping("/portal/patients/{personId}/notebook")
    String notebook(@AuthenticationPrincipal SignedIn me, @PathVariable String personId,
                    @RequestParam(defaultValue = "TREATMENT") String purpose,
                    @RequestParam(required = false) String sheetSaved, Model model, HttpServletResponse response) {
        Long notebook = facilities.personalHealthRecord().map(Facility::id).orElse(null);
        PatientChart.Opened opened = chart.open(me, personId, purpose(purpose), "notebook", outline -> outline.stream()
                .filter(o -> notebook != null && o.sourceFacilityId() == notebook && o.type().equals("Observation"))
                .limit(500).map(Outline::id).toList());
        if (!(opened instanceof PatientChart.Chart shown)) {
            return denied(model, response);
        }
        header(model, shown.header(), purpose, "notebook");
        model.addAttribute("entries", shown.entries().stream()
                .filter(e -> notebook != null && e.facilityId() == notebook && e.resourceType().equals("Observation"))
                .sorted(Comparator.comparing(ChartEntry::at).reversed()).toList());
        model.addAttribute("sheet", shown.reported().sheet().orElse(null));
        model.addAttribute("otc", shown.reported().otc());
        model.addAttribute("otcToday", LocalDate.now(ChartEntry.JAPAN));
        model.addAttribute("maySheetEntry", Permit.TREATMENT_CONSENT_AND_LINK.equals(shown.header().permitKey())
                && shown.header().byPersonId() && !shown.header().hidden().contains(DataCategory.EMERGENCY_SHEET));
        model.addAttribute("sheetSaved", sheetSaved);
        return "portal/notebook";
    }

    static Purpose purpose(String purpose) {
        return ViewPurpose.of(purpose);
    }

    /** The header and tab bar every page of the viewer shows. */
    static void header(Model model, PatientHeader header, String purpose, String tab) {
        model.addAttribute("header", header);
        model.addAttribute("personId", header.personId());
        model.addAttribute("person", header.person());
        model.addAttribute("purpose", ViewPurpose.parameter(purpose));
        model.addAttribute("tab", tab);
    }

    /**
     * The one page for a patient the user may not see, or who does not exist: 404, the same words whatever the
     * policy's reason (which only the audit trail keeps), and how to gain access (link by card, or emergency access).
     */
    static String denied(Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return "portal/denied";
    }

    Map<Long, String> names(Set<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        for (long id : ids) {
            names.put(id, facilities.find(id).map(Facility::nameKanji).orElse("#" + id));
        }
        return names;
    }
}
