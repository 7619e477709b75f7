package org.musubi.secretariat.fees;

import java.util.ArrayList;
import java.util.List;
import org.musubi.registry.FieldFault;

/**
 * Who issues the network's invoices: the issuer's name and address, its {@link RegistrationNumber 登録番号}, the bank
 * details printed for the transfer, and the payment terms (due this many days after the issue date).
 */
public record InvoicingSettings(String issuerName, String issuerAddress, RegistrationNumber registrationNumber,
                                String bankDetails, int paymentDays) {

    public static final int MAX_PAYMENT_DAYS = 365;

    public InvoicingSettings {
        if (!faults(issuerName, issuerAddress, registrationNumber == null ? null : registrationNumber.value(),
                bankDetails, paymentDays).isEmpty()) {
            throw new IllegalArgumentException("invalid invoicing settings");
        }
    }

    /** The settings from what an operator typed, or the faults per field (keys under {@code fees.fault.}). */
    public static InvoicingSettings parse(String name, String address, String number, String bank, String days,
                                          List<FieldFault> faults) {
        int paymentDays;
        try {
            paymentDays = Integer.parseInt(days == null ? "" : days.strip());
        } catch (NumberFormatException e) {
            paymentDays = -1;
        }
        var parsedNumber = RegistrationNumber.parse(number);
        faults.addAll(faults(strip(name), strip(address), parsedNumber.map(RegistrationNumber::value).orElse(null),
                strip(bank), paymentDays));
        return faults.isEmpty() ? new InvoicingSettings(strip(name), strip(address), parsedNumber.orElseThrow(),
                strip(bank), paymentDays) : null;
    }

    private static List<FieldFault> faults(String name, String address, String number, String bank, int days) {
        List<FieldFault> faults = new ArrayList<>();
        if (name == null || name.isBlank() || name.length() > 200) {
            faults.add(FieldFault.of("issuerName", "fees.fault.issuerName"));
        }
        if (address == null || address.length() > 400) {
            faults.add(FieldFault.of("issuerAddress", "fees.fault.issuerAddress"));
        }
        if (number == null || !RegistrationNumber.valid(number)) {
            faults.add(FieldFault.of("registrationNumber", "fees.fault.registrationNumber"));
        }
        if (bank == null || bank.length() > 1000) {
            faults.add(FieldFault.of("bankDetails", "fees.fault.bankDetails"));
        }
        if (days < 0 || days > MAX_PAYMENT_DAYS) {
            faults.add(FieldFault.of("paymentDays", "fees.fault.paymentDays", MAX_PAYMENT_DAYS));
        }
        return faults;
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }
}
