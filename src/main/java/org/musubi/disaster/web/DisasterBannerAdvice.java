package org.musubi.disaster.web;

import java.util.List;
import org.musubi.disaster.DisasterMode;
import org.musubi.disaster.DisasterPeriod;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the periods of disaster mode on now on every page's model, as {@code disasterBanner} (null when it is off), for
 * the banner of the staff, operator and health-notebook headers. From memory: no query.
 */
@ControllerAdvice
class DisasterBannerAdvice {

    private final DisasterMode mode;

    DisasterBannerAdvice(DisasterMode mode) {
        this.mode = mode;
    }

    @ModelAttribute("disasterBanner")
    List<DisasterPeriod> disasterBanner() {
        List<DisasterPeriod> active = mode.active();
        return active.isEmpty() ? null : active;
    }
}
