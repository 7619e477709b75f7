package org.musubi.testing;

import java.util.List;
import org.assertj.core.api.SoftAssertions;

/**
 * Horizontal overflow as a user sees it: the page scrolls sideways, or an element reaches past the window's edge
 * without a scroll container of its own. The window's width is the one left beside the vertical scroll bar (a page
 * 10 px wider than that scrolls sideways although it is no wider than {@code window.innerWidth}) (a wide table inside {@code .table-scroll} may scroll; the page may not).
 */
public final class Overflow {

    private static final String SCRIPT = """
            const width = document.documentElement.clientWidth;
            const found = [];
            if (document.documentElement.scrollWidth > width) {
              found.push('the page is ' + document.documentElement.scrollWidth + ' px wide');
            }
            const clipped = e => {
              for (let p = e.parentElement; p && p !== document.documentElement; p = p.parentElement) {
                const x = getComputedStyle(p).overflowX;
                if (x === 'auto' || x === 'scroll' || x === 'hidden' || x === 'clip') return true;
              }
              return false;
            };
            for (const e of document.body.querySelectorAll('*')) {
              const r = e.getBoundingClientRect();
              if (r.width === 0 || r.height === 0 || (r.right <= width + 1 && r.left >= -1) || clipped(e)) continue;
              const name = e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                  + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
              found.push(name + ' ' + Math.round(r.left) + '..' + Math.round(r.right));
              if (found.length > 8) break;
            }
            return found;""";

    private Overflow() {
    }

    /** What runs past the window's width on the page the browser shows now (empty when nothing does). */
    @SuppressWarnings("unchecked")
    public static List<String> of(Chromium browser) {
        return (List<String>) browser.script(SCRIPT);
    }

    /** Saves a screenshot as target/screenshots/width-{name}.png and checks that nothing runs past the window. */
    public static void check(SoftAssertions softly, Chromium browser, String name) {
        browser.screenshot("width-" + name);
        Number width = (Number) browser.script("return document.documentElement.clientWidth");
        softly.assertThat(of(browser)).as(name + " at " + width + " px (" + browser.path() + "): no horizontal overflow")
                .isEmpty();
    }
}
