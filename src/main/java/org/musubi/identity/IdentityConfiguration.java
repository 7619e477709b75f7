package org.musubi.identity;

import org.musubi.audit.Audit;
import org.musubi.identity.cards.CardCodes;
import org.musubi.identity.cards.Cards;
import org.musubi.identity.cards.CheckCardHolding;
import org.musubi.identity.cards.CheckCodePepper;
import org.musubi.identity.cards.IssueCard;
import org.musubi.identity.cards.ReplaceCard;
import org.musubi.identity.link.LinkSourcePatient;
import org.musubi.identity.link.MergePersons;
import org.musubi.identity.link.UnlinkSourcePatient;
import org.musubi.identity.link.UnmergePersons;
import org.musubi.identity.linkage.DecideReview;
import org.musubi.identity.linkage.IdentityBatches;
import org.musubi.identity.linkage.MatchReviews;
import org.musubi.identity.linkage.MatchSourcePatient;
import org.musubi.identity.linkage.MatchSourcePatients;
import org.musubi.identity.matching.Matcher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

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

    /**
     * Check codes hashed with argon2id at a lighter cost than passwords (4 MiB, one pass: about 3 ms to check on this
     * project's 2-core machine, against about 25 ms for the passwords' 16 MiB and two passes): an ambulance crew's card
     * look-up checks one on every scan, with a target of p95 ≤ 20 ms for the whole request (issue 26, bench/README.md
     * "Emergencies"). That cost alone slows a guesser with a copy of the database by days to years per card
     * (docs/security.md), so the code is peppered first ({@link CheckCodePepper}, from the secret key the security
     * module holds): without the key a copy of the database is no use. A hash keeps the parameters it was made with,
     * so cards issued before keep verifying (at their own cost, without the pepper).
     */
    @Bean
    CardCodes cardCodes(CheckCodePepper pepper) {
        var encoder = new Argon2PasswordEncoder(16, 32, 1, 4096, 1);
        return new CardCodes(encoder::encode, encoder::matches, pepper);
    }

    @Bean
    FindPerson findPerson(IdentityStore store, Cards cards, CardCodes codes) {
        return new FindPerson(store, cards, codes);
    }

    @Bean
    IssueCard issueCard(IdentityStore store, Cards cards, CardCodes codes, Audit audit) {
        return new IssueCard(store, cards, codes, audit);
    }

    @Bean
    ReplaceCard replaceCard(IdentityStore store, Cards cards, CardCodes codes, Audit audit) {
        return new ReplaceCard(store, cards, codes, audit);
    }

    @Bean
    MatchSourcePatient matchSourcePatient(IdentityStore store, MatchReviews reviews, Audit audit) {
        return new MatchSourcePatient(store, reviews, new Matcher(), audit);
    }

    @Bean
    MatchSourcePatients matchSourcePatients(IdentityBatches batches, Audit audit, MatchReviews reviews) {
        return new MatchSourcePatients(batches, new Matcher(), audit, reviews,
                Runtime.getRuntime().availableProcessors());
    }

    @Bean
    DecideReview decideReview(IdentityStore store, MatchReviews reviews, LinkSourcePatient linking, Audit audit,
                              MatchSourcePatient matching) {
        return new DecideReview(store, reviews, linking, audit, matching);
    }

    @Bean
    CheckCardHolding checkCardHolding(IdentityStore store, Cards cards, Audit audit) {
        return new CheckCardHolding(store, cards, audit);
    }

    @Bean
    UnmergePersons unmergePersons(IdentityStore store, Audit audit) {
        return new UnmergePersons(store, audit);
    }
}
