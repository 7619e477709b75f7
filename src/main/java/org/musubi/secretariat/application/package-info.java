/**
 * Participation applications (参加申請 → 設定作業 → 運用開始, issue 45): a facility applies on the public page, gets a
 * reference number and a secret shown once, and follows its status there; the secretariat's queue takes it from
 * received through review to approved (the facility, its profile and its users created in one transaction) or returned
 * with a reason, then set up and live. Every step writes one audit row, refusals included. Nothing here is about a
 * patient.
 */
package org.musubi.secretariat.application;
