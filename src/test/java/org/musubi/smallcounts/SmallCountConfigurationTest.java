package org.musubi.smallcounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * The two settings {@code musubi.small-counts.suppress-below} replaced still count when it is not set: a network that
 * had raised either keeps the strictest of them; the new setting, when set, wins.
 */
class SmallCountConfigurationTest {

    @Test
    void theNewSettingWinsWhenSet() {
        MockEnvironment environment = new MockEnvironment().withProperty(SmallCountConfiguration.SETTING, "12")
                .withProperty("musubi.research.suppress-below", "20");
        assertThat(SmallCountConfiguration.threshold(12, environment)).isEqualTo(12);
    }

    @Test
    void aRetiredSettingAloneKeepsItsThresholdTheStrictestOfTwo() {
        assertThat(SmallCountConfiguration.threshold(10, new MockEnvironment()
                .withProperty("musubi.research.suppress-below", "15"))).isEqualTo(15);
        assertThat(SmallCountConfiguration.threshold(10, new MockEnvironment()
                .withProperty("musubi.research.suppress-below", "15")
                .withProperty("musubi.surveillance.suppress-below", "20"))).isEqualTo(20);
        assertThat(SmallCountConfiguration.threshold(10, new MockEnvironment()
                .withProperty("musubi.surveillance.suppress-below", "1"))).as("never below the rule's floor").isEqualTo(2);
    }

    @Test
    void withoutAnyTheDefaultHolds() {
        assertThat(SmallCountConfiguration.threshold(10, new MockEnvironment())).isEqualTo(10);
    }
}
