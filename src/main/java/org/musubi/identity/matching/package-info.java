/**
 * Probabilistic patient matching (名寄せ), plain Java: Fellegi–Sunter scoring with an explainable breakdown
 * ({@link org.musubi.identity.matching.MatchScorer}, {@link org.musubi.identity.matching.MatchWeights}) over
 * the field comparators of {@code matching.compare} (each returning an
 * {@link org.musubi.identity.matching.compare.Agreement} level, after the normalisers of
 * {@code matching.normalize}), {@link org.musubi.identity.matching.BlockingKeys} to find candidates in an
 * index, and the {@link org.musubi.identity.matching.Matcher} that decides between
 * {@link org.musubi.identity.matching.AutoLink}, {@link org.musubi.identity.matching.Review} and
 * {@link org.musubi.identity.matching.NewPerson}.
 *
 * <p>Typical use: compute {@code BlockingKeys.of(Demographics.of(person))} when a person is stored;
 * for a new source patient, fetch the persons sharing any of its keys and call
 * {@code new Matcher().match(demographics, candidates)}.
 *
 * <p>A named interface of the identity module, so that other features match the same way (the FHIR API's
 * patient matching, the synthetic data's {@link org.musubi.identity.matching.Demographics}).
 */
@NamedInterface("matching")
package org.musubi.identity.matching;

import org.springframework.modulith.NamedInterface;
