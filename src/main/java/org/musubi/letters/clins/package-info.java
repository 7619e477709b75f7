/**
 * Letters as the FHIR documents of the national 電子カルテ情報共有サービス (JP-CLINS 1.5): {@link
 * org.musubi.letters.clins.ClinsDocuments} makes the eReferral and eDischargeSummary document Bundles, and the local
 * document Bundle of the kinds with no national form; {@link org.musubi.letters.clins.ClinsCollection} makes the
 * 6-item collection Bundle ({@code JP_Bundle_CLINS}) of a patient's stored record, telling 感染症 labs apart with
 * {@link org.musubi.letters.clins.InfectionLabs}. docs/letters.md describes the identifiers and the local codes.
 */
@NamedInterface("clins")
package org.musubi.letters.clins;

import org.springframework.modulith.NamedInterface;
