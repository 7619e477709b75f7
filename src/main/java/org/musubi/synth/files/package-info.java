/**
 * Writes a synthetic network as CSV files ({@code facilities.csv}, {@code users.csv}, {@code persons.csv}),
 * byte for byte the same for the same network.
 */
package org.musubi.synth.files;
