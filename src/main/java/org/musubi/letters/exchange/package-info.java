/**
 * The letters exchange between facilities ({@link org.musubi.letters.exchange.LetterExchange}): send, receive, open,
 * accept, return, reply; what the portal's composer and inbox and the FHIR API's IHE MHD use.
 */
@NamedInterface("exchange")
package org.musubi.letters.exchange;

import org.springframework.modulith.NamedInterface;
