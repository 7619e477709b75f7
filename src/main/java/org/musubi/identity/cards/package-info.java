/**
 * Patient cards: the regional card and the hospitals' disclosure cards (開示カード), their numbers and
 * check codes ({@link org.musubi.identity.cards.Card}, {@link org.musubi.identity.cards.CardNumber},
 * {@link org.musubi.identity.cards.CardCodes}), the store of issued cards and the use cases that issue,
 * replace and check them. A named interface: consent links a person by the card, the portal issues and
 * checks cards.
 */
@NamedInterface("cards")
package org.musubi.identity.cards;

import org.springframework.modulith.NamedInterface;
