package org.musubi.portal.web;

import java.util.List;
import org.musubi.paging.PageRequest;
import org.musubi.registry.Facilities;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.FacilityQuery;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 参加施設検索: any signed-in user finds participating facilities by name, kind, area and role. No
 * patient data is involved, so nothing is audited.
 */
@Controller
class FacilitySearchController {

    private final Facilities facilities;

    FacilitySearchController(Facilities facilities) {
        this.facilities = facilities;
    }

    @ModelAttribute("kinds")
    List<FacilityKind> kinds() {
        return FacilityKind.participatingKinds();
    }

    @ModelAttribute("roles")
    FacilityQuery.Role[] roles() {
        return FacilityQuery.Role.values();
    }

    @GetMapping("/portal/facilities")
    String search(@RequestParam(required = false) String name, @RequestParam(required = false) FacilityKind kind,
                  @RequestParam(required = false) Integer prefecture, @RequestParam(required = false) String area,
                  @RequestParam(required = false) FacilityQuery.Role role, @RequestParam(required = false) Integer page,
                  Model model) {
        Integer validPrefecture = prefecture != null && prefecture >= 1 && prefecture <= 47 ? prefecture : null;
        FacilityQuery query = new FacilityQuery(name, kind, validPrefecture, area, role);
        model.addAttribute("query", query);
        model.addAttribute("results", facilities.directory(query, PageRequest.of(page, 20)));
        return "portal/facilities";
    }
}
