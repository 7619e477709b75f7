package org.musubi.print;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The fonts every printed page is set in. The setting keeps the name it had when only the emergency sheet was printed
 * ({@code musubi.phr.sheet.fonts}), so that an operator's configuration keeps working.
 *
 * @param fonts TrueType fonts with Japanese glyphs for every printed page, the first that exists used (Debian:
 *              {@code fonts-ipaexfont-gothic} or {@code fonts-ipafont-gothic})
 */
@ConfigurationProperties("musubi.phr.sheet")
public record PrintProperties(
        @DefaultValue({"/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf",
                "/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf",
                "/usr/share/fonts/truetype/fonts-japanese-gothic.ttf"}) List<String> fonts) {

    public PrintProperties {
        fonts = List.copyOf(fonts);
    }
}
