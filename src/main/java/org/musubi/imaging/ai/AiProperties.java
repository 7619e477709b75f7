package org.musubi.imaging.ai;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The AI plug-in's settings ({@code musubi.imaging.ai.*}).
 *
 * @param publicUrl how the AI services reach Musubi (e.g. {@code https://musubi.example.jp}): the root of the scoped
 *                  DICOMweb route and of the callback sent in each analysis request; empty: Musubi's own loopback
 *                  address ({@code http://127.0.0.1:<port>}), for development and tests only
 * @param sendEvery how often the work items are sent and the automatic scan runs
 * @param timeout   how long one send to a service may take (connecting and answering)
 */
@ConfigurationProperties("musubi.imaging.ai")
public record AiProperties(@DefaultValue("") String publicUrl, @DefaultValue("10s") Duration sendEvery,
                           @DefaultValue("10s") Duration timeout) {
}
