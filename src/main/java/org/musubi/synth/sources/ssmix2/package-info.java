/**
 * SS-MIX2 standardized storage: HL7 v2.5 messages (ADT, prescriptions and injections, laboratory results,
 * problem lists) built segment by segment, their file names and condition flags, and the writer that puts one
 * chart's files into its facility's tree in ISO-2022-JP.
 */
package org.musubi.synth.sources.ssmix2;
