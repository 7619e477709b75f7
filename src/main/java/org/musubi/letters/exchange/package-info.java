/**
 * The exchange of letters between facilities (issue 42): {@link org.musubi.letters.exchange.LetterExchange} — compose,
 * send, inbox and outbox, open, accept, return, reply — for the portal's pages and the MHD transactions.
 */
@NamedInterface("exchange")
package org.musubi.letters.exchange;

import org.springframework.modulith.NamedInterface;
