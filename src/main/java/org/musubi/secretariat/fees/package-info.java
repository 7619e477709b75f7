/**
 * Participation fees and invoices (issue 45, item 4): the network's invoicing settings (the issuer of the 適格請求書
 * with its {@link org.musubi.secretariat.fees.RegistrationNumber 登録番号}), the fee rules the operator sets, versioned by
 * the month they take effect ({@link org.musubi.secretariat.fees.FeeRules}, computed by
 * {@link org.musubi.secretariat.fees.FeeCalculator}), the monthly run that issues one invoice per paying facility and is
 * idempotent ({@link org.musubi.secretariat.fees.MonthlyRun}), corrections that replace an invoice by a new one, paid
 * marks, the CSV for accounting software and the PDF. Network administrators only; every change one audit row; a
 * read-only standby refuses every change. Nothing here is about a patient. A named interface: the demo seeding runs
 * the past months through it.
 */
@NamedInterface("fees")
package org.musubi.secretariat.fees;

import org.springframework.modulith.NamedInterface;
