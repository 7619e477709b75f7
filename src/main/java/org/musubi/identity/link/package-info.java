/**
 * Explicit changes to which source patients make up a person, each audited: linking a facility's patient
 * to a person (a card read, a confirmed match, an operator), unlinking a wrong link, and merging two
 * persons and undoing the merge. A named interface: consent links at the card, the portal's operators
 * correct links.
 */
@NamedInterface("link")
package org.musubi.identity.link;

import org.springframework.modulith.NamedInterface;
