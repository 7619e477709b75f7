/**
 * Health points (ヘルスケアポイント): the operator's rules (a checkup received, vitals logged on enough days of a month,
 * attending an event with the code given there), an append-only ledger per person whose every entry names its
 * reason, and redemptions the office records. No money moves.
 */
package org.musubi.phr.points;
