/**
 * Field comparison for matching: the fields a match is scored on ({@link org.musubi.identity.matching.compare.MatchField}),
 * the levels at which two values agree ({@link org.musubi.identity.matching.compare.Agreement}) and one
 * comparator per field, after normalisation. A named interface, because scores and weights are told in
 * these terms.
 */
@NamedInterface("compare")
package org.musubi.identity.matching.compare;

import org.springframework.modulith.NamedInterface;
