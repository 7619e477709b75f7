package org.musubi.phr.sheet;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The emergency sheet.
 *
 * @param maxPhotos    the most photos a sheet keeps
 * @param fonts        TrueType fonts with Japanese glyphs for the printed sheet, the first that exists used (Debian:
 *                     {@code fonts-ipaexfont-gothic} or {@code fonts-ipafont-gothic})
 */
@ConfigurationProperties("musubi.phr.sheet")
public record SheetProperties(
        @DefaultValue("5") int maxPhotos,
        @DefaultValue({"/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf",
                "/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf",
                "/usr/share/fonts/truetype/fonts-japanese-gothic.ttf"}) List<String> fonts) {

    public SheetProperties {
        if (maxPhotos < 0 || maxPhotos > 20) {
            throw new IllegalArgumentException("musubi.phr.sheet.max-photos must be between 0 and 20");
        }
        fonts = List.copyOf(fonts);
    }
}
