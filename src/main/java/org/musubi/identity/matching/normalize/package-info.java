/**
 * Normalisers that make two spellings of one fact equal before they are compared: kana (width, small
 * kana, long vowels), kanji (variant forms such as 髙/高, 邉/辺) and Japanese addresses.
 *
 * <p>A named interface, so that other features compare names the same way as the matcher (for example
 * consent's "この方と連携する" confirmation and the FHIR patient search use
 * {@link org.musubi.identity.matching.normalize.KanaNormalizer}).
 */
@NamedInterface("normalize")
package org.musubi.identity.matching.normalize;

import org.springframework.modulith.NamedInterface;
