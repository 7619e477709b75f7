package org.musubi.box.preview;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code musubi.box.preview.*}: where LibreOffice is ({@code office-home}; empty: {@code /usr/lib/libreoffice} when it is
 * there, else no Office previews; {@code none}: none), the port its headless process listens on for Musubi
 * ({@code office-port}, 0: a free one when it starts), how long one conversion may take ({@code office-timeout}, 60 s)
 * and the largest Office file converted ({@code office-max-size}, 50 MB; larger ones are downloads only).
 */
@ConfigurationProperties("musubi.box.preview")
public record BoxPreviewProperties(@DefaultValue("") String officeHome, @DefaultValue("0") int officePort,
                                   @DefaultValue("60s") Duration officeTimeout,
                                   @DefaultValue("50MB") DataSize officeMaxSize) {
}
