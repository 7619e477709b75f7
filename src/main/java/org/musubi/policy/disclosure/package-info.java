/**
 * Disclosures as facts (issue 68): {@code Disclose}, which a wing calls in its own transaction when it makes what
 * another party is let see (a letter sent, a consultation asked, a study sent for reading, a Box file sent, a municipal
 * document sent) and then finds the id of the disclosure made for its row, and {@code Disclosures}, which reads a
 * disclosure by its id (the policy, deciding a read or an answer through the record's doors). The rows are the
 * policy's ({@code disclosure}, V88); a disclosure never grants standing (design rule 4).
 */
@NamedInterface("disclosure")
package org.musubi.policy.disclosure;

import org.springframework.modulith.NamedInterface;
