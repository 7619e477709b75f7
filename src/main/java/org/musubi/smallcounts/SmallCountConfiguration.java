package org.musubi.smallcounts;

import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The one {@link SmallCounts} rule, at the configured threshold. The two settings it replaced (issue 68) still count
 * when the new one is not set, so that a network that had raised either keeps its threshold: the strictest of them,
 * with a warning at start naming the setting to use.
 */
@Configuration(proxyBeanMethods = false)
class SmallCountConfiguration {

    /** The settings {@code musubi.small-counts.suppress-below} replaced. */
    static final List<String> RETIRED = List.of("musubi.research.suppress-below", "musubi.surveillance.suppress-below");
    static final String SETTING = "musubi.small-counts.suppress-below";

    private static final Logger LOG = LoggerFactory.getLogger(SmallCountConfiguration.class);

    @Bean
    SmallCounts smallCounts(SmallCountProperties properties, Environment environment) {
        return new SmallCounts(threshold(properties.suppressBelow(), environment));
    }

    /** The configured threshold, or, when only retired settings are set, the strictest of them (with a warning). */
    static int threshold(int configured, Environment environment) {
        if (environment.containsProperty(SETTING)) {
            RETIRED.stream().filter(environment::containsProperty).forEach(name -> LOG.warn(
                    "{} is retired and ignored: {} is set / {} は廃止され、{} の値を使います", name, SETTING, name, SETTING));
            return configured;
        }
        Optional<Integer> retired = RETIRED.stream().filter(environment::containsProperty)
                .map(name -> environment.getRequiredProperty(name, Integer.class)).max(Integer::compare);
        if (retired.isEmpty()) {
            return configured;
        }
        int threshold = Math.max(2, retired.get());
        LOG.warn("{} is retired: using {} from it as {} (set that instead) / {} は廃止されました。その値 {} を {} として使います"
                        + "（{} を設定してください）", RETIRED, threshold, SETTING, RETIRED, threshold, SETTING, SETTING);
        return threshold;
    }
}
