/**
 * The demo's imaging (issue 67): a small synthetic CT of the tours' patient, sent into Musubi's own archive as the
 * patient's hospital would send it, once the demo's story is told, so that the demo's timeline and viewer show a study
 * without any set-up by hand.
 */
package org.musubi.imaging.demo;
