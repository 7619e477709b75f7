package org.musubi.publicsite.web;

import java.util.Arrays;
import java.util.Optional;
import org.musubi.paging.PageRequest;
import org.musubi.publicsite.PublicDirectory;
import org.musubi.publicsite.PublicQuery;
import org.musubi.registry.FacilityKind;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public site's pages, for anyone without a login: the landing page, the facility search, the 開示病院一覧, how
 * to get a card and the accessibility statement. Only GET, only the {@link PublicDirectory}'s listings; a criterion
 * that is no known value (a kind or role nobody has) is ignored rather than refused, as a search box would.
 */
@Controller
class PublicSiteController {

    private static final int PAGE_SIZE = 20;
    private final PublicDirectory directory;

    PublicSiteController(PublicDirectory directory) {
        this.directory = directory;
    }

    @GetMapping({"/public", "/public/"})
    String home() {
        return "public/index";
    }

    @GetMapping("/public/facilities")
    String facilities(@RequestParam(required = false) String name, @RequestParam(required = false) String kind,
                      @RequestParam(required = false) String municipality, @RequestParam(required = false) String role,
                      @RequestParam(required = false) String page, Model model) {
        PublicQuery query = new PublicQuery(Optional.ofNullable(name), parse(FacilityKind.class, kind),
                Optional.ofNullable(municipality), parse(PublicQuery.Role.class, role));
        model.addAttribute("results", directory.search(query, PageRequest.of(number(page), PAGE_SIZE)));
        model.addAttribute("kinds", FacilityKind.participatingKinds());
        model.addAttribute("roles", PublicQuery.Role.values());
        model.addAttribute("municipalities", directory.municipalities());
        model.addAttribute("name", query.name().orElse(""));
        model.addAttribute("kind", query.kind().orElse(null));
        model.addAttribute("municipality", query.municipality().orElse(""));
        model.addAttribute("role", query.role().orElse(null));
        return "public/facilities";
    }

    @GetMapping("/public/disclosing")
    String disclosing(@RequestParam(required = false) String municipality, Model model) {
        Optional<String> chosen = Optional.ofNullable(municipality).map(String::strip).filter(m -> !m.isEmpty())
                .filter(m -> m.length() <= 100);
        model.addAttribute("groups", directory.disclosing(chosen));
        model.addAttribute("municipalities", directory.municipalities());
        model.addAttribute("municipality", chosen.orElse(""));
        return "public/disclosing";
    }

    @GetMapping("/public/cards")
    String cards() {
        return "public/cards";
    }

    /** アクセシビリティ方針: the standard the screens follow, how that is tested, the known limits, whom to tell. */
    @GetMapping("/public/accessibility")
    String accessibility() {
        return "public/accessibility";
    }

    private static <E extends Enum<E>> Optional<E> parse(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(value)).findFirst();
    }

    private static int number(String page) {
        if (page == null || !page.matches("\\d{1,6}")) {
            return 1;
        }
        return Integer.parseInt(page);
    }
}
