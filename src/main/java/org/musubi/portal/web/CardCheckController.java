package org.musubi.portal.web;

import java.time.LocalDate;
import org.musubi.identity.cards.CheckCardHolding;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** HMカード保持確認: yes or no, nothing else. */
@Controller
class CardCheckController {

    private final CheckCardHolding check;

    CardCheckController(CheckCardHolding check) {
        this.check = check;
    }

    @GetMapping("/portal/card-check")
    String form() {
        return "portal/card-check";
    }

    @PostMapping("/portal/card-check")
    String check(@RequestParam(required = false) String card, @RequestParam(required = false) String kanaName,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate birthDate,
                 Model model) {
        boolean holds = card != null && !card.isBlank() ? check.byCard(card) : check.byNameAndBirthDate(kanaName, birthDate);
        model.addAttribute("holds", holds);
        return "portal/card-check";
    }
}
