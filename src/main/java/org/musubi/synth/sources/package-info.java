/**
 * Synthetic source files as the facilities of a network write them: an SS-MIX2 standardized
 * storage tree per hospital and clinic (HL7 v2.5, ISO-2022-JP, one message a file) and JAHIS
 * e-medication-notebook files per pharmacy (Shift_JIS or UTF-8, CRLF), over several years of each
 * person's care. Deterministic and streaming: {@link org.musubi.synth.sources.SourceFiles} writes
 * one person at a time, and the same seed and options always give byte-identical trees. A named
 * interface, for the command line, the demo and the benchmarks.
 */
@NamedInterface("sources")
package org.musubi.synth.sources;

import org.springframework.modulith.NamedInterface;
