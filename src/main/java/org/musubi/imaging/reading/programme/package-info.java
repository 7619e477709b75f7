/**
 * Double reading programmes (二重読影, issue 47, build item 4): a screening programme — gastric endoscopy screening
 * (胃内視鏡検診) first, chest X-ray screening alike — read at a reading centre by a pool of its doctors. A screening
 * facility's doctor submits a study; two readers of the pool (never the submitter) read it blind to each other
 * ({@link org.musubi.imaging.reading.DoubleReading}); the programme's chief, or a third reader, compares the two and
 * records the final reading, which returns to the submitting facility as a DiagnosticReport. {@code jdbc} holds its rows,
 * {@code web} its pages.
 */
package org.musubi.imaging.reading.programme;
