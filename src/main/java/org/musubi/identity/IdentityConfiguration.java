package org.musubi.identity;

import org.musubi.audit.Audit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the identity use cases. */
@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

    @Bean
    LinkSourcePatient linkSourcePatient(IdentityStore store, Audit audit) {
        return new LinkSourcePatient(store, audit);
    }

    @Bean
    UnlinkSourcePatient unlinkSourcePatient(IdentityStore store, Audit audit) {
        return new UnlinkSourcePatient(store, audit);
    }

    @Bean
    MergePersons mergePersons(IdentityStore store, Audit audit) {
        return new MergePersons(store, audit);
    }

    @Bean
    IssueCard issueCard(IdentityStore store, Cards cards, Audit audit) {
        return new IssueCard(store, cards, audit);
    }

    @Bean
    ReplaceCard replaceCard(IdentityStore store, Cards cards, Audit audit) {
        return new ReplaceCard(store, cards, audit);
    }

    @Bean
    UnmergePersons unmergePersons(IdentityStore store, Audit audit) {
        return new UnmergePersons(store, audit);
    }
}
