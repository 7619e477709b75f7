package org.musubi.phr.sheet;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The emergency sheet.
 *
 * @param maxPhotos    the most photos a sheet keeps (the fonts it is printed in, {@code musubi.phr.sheet.fonts}, are
 *                     {@code print.PrintProperties})
 */
@ConfigurationProperties("musubi.phr.sheet")
public record SheetProperties(
        @DefaultValue("5") int maxPhotos) {

    public SheetProperties {
        if (maxPhotos < 0 || maxPhotos > 20) {
            throw new IllegalArgumentException("musubi.phr.sheet.max-photos must be between 0 and 20");
        }
    }
}
