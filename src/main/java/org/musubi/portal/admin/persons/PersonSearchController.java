package org.musubi.portal.admin.persons;

import java.time.LocalDate;
import org.musubi.identity.SearchPersons;
import org.musubi.paging.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Network operators find a person by regional ID, name (kana or kanji) or birth date. */
@Controller
class PersonSearchController {

    private final SearchPersons search;

    PersonSearchController(SearchPersons search) {
        this.search = search;
    }

    @GetMapping("/admin/persons")
    String search(@RequestParam(required = false) String q,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate birthDate,
                  @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("results", search.search(q, birthDate, PageRequest.of(page, 20)));
        model.addAttribute("q", q);
        model.addAttribute("birthDate", birthDate);
        model.addAttribute("searched", (q != null && !q.isBlank()) || birthDate != null);
        return "admin/persons";
    }
}
