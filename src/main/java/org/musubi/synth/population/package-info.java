/**
 * The people of a synthetic region and where they live: persons made one at a time from the seed
 * ({@link org.musubi.synth.population.PersonFactory}), names with their kana readings, birth dates, regional
 * patient numbers, and municipalities with postal codes, addresses and phone numbers.
 */
package org.musubi.synth.population;
