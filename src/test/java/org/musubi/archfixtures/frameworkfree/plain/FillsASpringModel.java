package org.musubi.archfixtures.frameworkfree.plain;

import java.util.Map;
import org.springframework.ui.Model;

/** A plain room's class that fills a Spring MVC model: what {@code phr.sheet.SheetPages} once did. */
final class FillsASpringModel {

    String fill(Model model) {
        model.addAttribute("values", Map.of());
        return "page";
    }
}
