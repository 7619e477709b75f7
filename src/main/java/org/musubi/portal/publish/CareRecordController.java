package org.musubi.portal.publish;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.musubi.publish.CareEvent;
import org.musubi.publish.CareMeasure;
import org.musubi.publish.CareRecords;
import org.musubi.security.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * A care office's records (介護記録), phone first: the form for one person (a visit, an ADL check, vital signs, an
 * incident) and the CSV import of the care software's export. For a facility with standing whose user's profession
 * sees care records; anyone else, a malformed or unknown key: the 404 of a patient who does not exist, audited once
 * by {@link CareRecords}. A form with a field at fault is shown again naming the fields (nothing stored, nothing
 * audited); an import shows every row not stored by line and column.
 */
@Controller
class CareRecordController {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    /** The largest CSV file read: 5 MB. */
    static final int MAX_CSV = 5 * 1024 * 1024;
    private final CareRecords care;

    CareRecordController(CareRecords care) {
        this.care = care;
    }

    @GetMapping("/portal/patients/{personId}/care-record")
    String form(@AuthenticationPrincipal SignedIn me, @PathVariable String personId, Model model,
                HttpServletResponse response) {
        return form(me, PublishController.person(personId), model, response, null);
    }

    @PostMapping("/portal/patients/{personId}/care-record/{kind}")
    String record(@AuthenticationPrincipal SignedIn me, @PathVariable String personId, @PathVariable String kind,
                  @RequestParam Map<String, String> form, @RequestParam(required = false) List<String> services,
                  Model model, HttpServletResponse response) {
        long person = PublishController.person(personId);
        try {
            CareEvent event = event(kind, form, services);
            if (event == null) {
                return PublishController.denied(response);
            }
            Optional<List<String>> done = care.record(PublishController.reader(me), person, event);
            return done.isPresent() ? "redirect:/portal/patients/" + person + "/care-record?saved"
                    : PublishController.denied(response);
        } catch (CareRecords.Invalid e) {
            return form(me, person, model, response, e.fields());
        }
    }

    @GetMapping("/portal/care-records/import")
    String importPage(Model model) {
        model.addAttribute("columns", org.musubi.publish.CareCsv.COLUMNS);
        return "portal/care-import";
    }

    @PostMapping("/portal/care-records/import")
    String importCsv(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) MultipartFile file,
                     Model model) throws IOException {
        model.addAttribute("columns", org.musubi.publish.CareCsv.COLUMNS);
        if (file == null || file.isEmpty()) {
            model.addAttribute("noFile", true);
            return "portal/care-import";
        }
        byte[] bytes;
        try (InputStream in = file.getInputStream()) {
            bytes = in.readNBytes(MAX_CSV + 1);
        }
        if (bytes.length > MAX_CSV) {
            model.addAttribute("tooLarge", true);
            return "portal/care-import";
        }
        model.addAttribute("imported", care.importCsv(PublishController.reader(me), file.getOriginalFilename(), bytes));
        return "portal/care-import";
    }

    private String form(SignedIn me, long person, Model model, HttpServletResponse response, List<String> faults) {
        Optional<String> name = care.open(PublishController.reader(me), person);
        if (name.isEmpty()) {
            return PublishController.denied(response);
        }
        if (faults != null) {
            response.setStatus(422);
            model.addAttribute("faults", faults);
        }
        model.addAttribute("personId", person);
        model.addAttribute("name", name.get());
        model.addAttribute("now", LocalDateTime.now(JAPAN).withSecond(0).withNano(0));
        model.addAttribute("services", CareEvent.Service.values());
        model.addAttribute("adlItems", CareEvent.ADL_ITEMS);
        model.addAttribute("adlAnswers", CareEvent.ADL_ANSWERS);
        model.addAttribute("measures", CareMeasure.values());
        model.addAttribute("incidentKinds", CareEvent.IncidentKind.values());
        model.addAttribute("severities", CareEvent.Severity.values());
        return "portal/care-record";
    }

    /** The event a form describes; null for a kind that is none. */
    private static CareEvent event(String kind, Map<String, String> form, List<String> services) {
        LocalDateTime at = at(form);
        String note = blank(form.get("note")) ? null : form.get("note").strip();
        return switch (kind) {
            case "visit" -> {
                Set<CareEvent.Service> given = EnumSet.noneOf(CareEvent.Service.class);
                for (String s : services == null ? List.<String>of() : services) {
                    for (CareEvent.Service service : CareEvent.Service.values()) {
                        if (service.name().equals(s)) {
                            given.add(service);
                        }
                    }
                }
                String minutes = nfkc(form.get("duration_minutes"));
                yield new CareEvent.Visit(at, minutes.matches("\\d{1,5}") ? Integer.parseInt(minutes) : 0, given, note);
            }
            case "adl" -> {
                Map<String, String> answers = new LinkedHashMap<>();
                for (String item : CareEvent.ADL_ITEMS) {
                    if (!blank(form.get("adl_" + item))) {
                        answers.put(item, form.get("adl_" + item));
                    }
                }
                yield new CareEvent.Adl(at, answers, note);
            }
            case "vitals" -> {
                Map<CareMeasure, BigDecimal> values = new EnumMap<>(CareMeasure.class);
                for (CareMeasure m : CareMeasure.values()) {
                    String typed = nfkc(form.get(m.key()));
                    if (!typed.isEmpty()) {
                        try {
                            values.put(m, new BigDecimal(typed));
                        } catch (NumberFormatException e) {
                            throw new CareRecords.Invalid(List.of(m.key()));
                        }
                    }
                }
                yield new CareEvent.Vitals(at, values);
            }
            case "incident" -> new CareEvent.Incident(at, value(CareEvent.IncidentKind.class,
                    form.get("incident_kind")), value(CareEvent.Severity.class, form.get("severity")), note);
            default -> null;
        };
    }

    private static LocalDateTime at(Map<String, String> form) {
        try {
            return LocalDateTime.of(LocalDate.parse(nfkc(form.get("date"))), LocalTime.parse(nfkc(form.get("time"))));
        } catch (java.time.format.DateTimeParseException e) {
            throw new CareRecords.Invalid(List.of("date"));
        }
    }

    private static <E extends Enum<E>> E value(Class<E> type, String text) {
        try {
            return blank(text) ? null : Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String nfkc(String text) {
        return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
    }
}
