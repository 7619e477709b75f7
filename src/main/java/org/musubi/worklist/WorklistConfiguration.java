package org.musubi.worklist;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The home page's work list, over every {@link WaitingWork} bean in their order. */
@Configuration(proxyBeanMethods = false)
class WorklistConfiguration {

    @Bean
    Worklist worklist(ObjectProvider<WaitingWork> parts) {
        return new Worklist(parts::orderedStream);
    }
}
