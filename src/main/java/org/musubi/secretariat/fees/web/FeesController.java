package org.musubi.secretariat.fees.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.musubi.registry.Administrator;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.FieldFault;
import org.musubi.registry.NotPermitted;
import org.musubi.secretariat.fees.FeeRules;
import org.musubi.secretariat.fees.FeeSettings;
import org.musubi.secretariat.fees.Invoices;
import org.musubi.secretariat.fees.InvoicingSettings;
import org.musubi.security.SignedIn;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/fees}: the network's invoicing settings (issuer, 登録番号, bank details, payment terms) and its fee rules
 * from a chosen month on, with every version saved. A form at fault is shown again with what was typed and each fault
 * beside its field.
 */
@Controller
class FeesController {

    private final FeeSettings fees;

    FeesController(FeeSettings fees) {
        this.fees = fees;
    }

    static Administrator admin(SignedIn user) {
        return new Administrator(user.userId(), user.networkAdmin(), user.adminFacilityIds());
    }

    @GetMapping("/admin/fees")
    String screen(@RequestParam(required = false) String from, Model model) {
        YearMonth month = month(from);
        FeeRules rules = fees.rulesFor(month);
        model.addAttribute("from", month);
        model.addAttribute("rules", rules);
        model.addAttribute("bands", rows(rules));
        fees.settings().ifPresent(s -> model.addAttribute("settings", SettingsView.of(s)));
        return fill(model);
    }

    @PostMapping("/admin/fees/settings")
    String settings(@AuthenticationPrincipal SignedIn user, @RequestParam MultiValueMap<String, String> form, Model model,
                    RedirectAttributes redirect) {
        List<FieldFault> faults = new ArrayList<>();
        InvoicingSettings settings = InvoicingSettings.parse(form.getFirst("issuerName"), form.getFirst("issuerAddress"),
                form.getFirst("registrationNumber"), form.getFirst("bankDetails"), form.getFirst("paymentDays"), faults);
        if (settings == null) {
            model.addAttribute("settingsFaults", faults);
            model.addAttribute("settings", new SettingsView(form.getFirst("issuerName"), form.getFirst("issuerAddress"),
                    form.getFirst("registrationNumber"), form.getFirst("bankDetails"), form.getFirst("paymentDays")));
            YearMonth month = month(null);
            model.addAttribute("from", month);
            model.addAttribute("rules", fees.rulesFor(month));
            model.addAttribute("bands", rows(fees.rulesFor(month)));
            return fill(model);
        }
        fees.saveSettings(admin(user), settings);
        redirect.addFlashAttribute("done", "settings");
        return "redirect:/admin/fees";
    }

    @PostMapping("/admin/fees/rules")
    String rules(@AuthenticationPrincipal SignedIn user, @RequestParam MultiValueMap<String, String> form, Model model,
                 RedirectAttributes redirect) {
        List<FieldFault> faults = new ArrayList<>();
        FeeRules rules = RulesForm.read(form, faults);
        if (rules == null) {
            model.addAttribute("ruleFaults", faults);
            model.addAttribute("typed", form);
            model.addAttribute("from", form.getFirst("from"));
            model.addAttribute("rules", fees.rulesFor(month(null)));
            model.addAttribute("bands", typedRows(form));
            fees.settings().ifPresent(s -> model.addAttribute("settings", SettingsView.of(s)));
            return fill(model);
        }
        fees.saveRules(admin(user), rules);
        redirect.addFlashAttribute("done", "rules");
        return "redirect:/admin/fees?from=" + rules.effectiveFrom();
    }

    private String fill(Model model) {
        model.addAttribute("kinds", FacilityKind.participatingKinds());
        model.addAttribute("parts", FeeRules.PartMonth.values());
        model.addAttribute("versions", fees.versions());
        return "admin/fees";
    }

    /** The month asked for, or next month (rules are usually set ahead). */
    private static YearMonth month(String text) {
        try {
            return text == null || text.isBlank() ? YearMonth.from(LocalDate.now(Invoices.JAPAN)).plusMonths(1)
                    : YearMonth.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            return YearMonth.from(LocalDate.now(Invoices.JAPAN)).plusMonths(1);
        }
    }

    /** A row of the bands table as text fields. */
    record BandRow(String from, String amount) {
    }

    private static List<BandRow> rows(FeeRules rules) {
        List<BandRow> rows = new ArrayList<>();
        rules.hospitalBands().forEach(b -> rows.add(new BandRow(String.valueOf(b.fromBeds()), String.valueOf(b.amount()))));
        while (rows.size() < RulesForm.BAND_ROWS) {
            rows.add(new BandRow("", ""));
        }
        return rows;
    }

    private static List<BandRow> typedRows(MultiValueMap<String, String> form) {
        List<String> from = form.getOrDefault("bandFrom", List.of());
        List<String> amount = form.getOrDefault("bandAmount", List.of());
        List<BandRow> rows = new ArrayList<>();
        for (int i = 0; i < Math.max(RulesForm.BAND_ROWS, Math.max(from.size(), amount.size())); i++) {
            rows.add(new BandRow(i < from.size() ? from.get(i) : "", i < amount.size() ? amount.get(i) : ""));
        }
        return rows;
    }

    /** The settings' fields as shown (or as typed). */
    record SettingsView(String issuerName, String issuerAddress, String registrationNumber, String bankDetails,
                        String paymentDays) {

        static SettingsView of(InvoicingSettings s) {
            return new SettingsView(s.issuerName(), s.issuerAddress(), s.registrationNumber().value(), s.bankDetails(),
                    String.valueOf(s.paymentDays()));
        }
    }

    @ExceptionHandler(NotPermitted.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden() {
        return "error/403";
    }
}
