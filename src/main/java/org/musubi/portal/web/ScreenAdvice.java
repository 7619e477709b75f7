package org.musubi.portal.web;

import java.time.ZoneId;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the operators' time zone ({@code musubi.ui.zone}) on every page's model, as {@code zone}. */
@ControllerAdvice
class ScreenAdvice {

    private final ZoneId zone;

    ScreenAdvice(UiProperties ui) {
        this.zone = ui.zone();
    }

    @ModelAttribute("zone")
    ZoneId zone() {
        return zone;
    }
}
