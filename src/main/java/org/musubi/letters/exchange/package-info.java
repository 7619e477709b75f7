/**
 * The exchange of letters between facilities (issue 42), its values in {@link org.musubi.letters.exchange.LetterExchange}
 * and one use case per act — compose, keep drafts, send (a reply too), send a system's document, inbox and outbox,
 * open, accept or return, cancel — for the portal's pages and the MHD transactions.
 */
@NamedInterface("exchange")
package org.musubi.letters.exchange;

import org.springframework.modulith.NamedInterface;
