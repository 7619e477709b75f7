/**
 * The network's public site (issue 45), served to anyone without a login ({@code /public}): what the network is, the
 * participating-facility search, the list of disclosing hospitals with the cards they accept (開示病院一覧) and how a
 * resident gets a card. It reads only the registry and the facilities' profiles — never a patient, a person or a
 * user — and shows only active facilities that are listed and take part today, never the health notebook's own
 * source. Every page counts against the client's address ({@link org.musubi.publicsite.PublicThrottle}); the web
 * adapter ({@code web}) answers 429 over the limit.
 */
package org.musubi.publicsite;
