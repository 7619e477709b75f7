package org.musubi.secretariat.fees;

import java.time.Clock;
import org.musubi.audit.Audit;
import org.musubi.database.Standby;
import org.musubi.print.PdfPrinter;
import org.musubi.registry.Facilities;
import org.musubi.registry.profile.FacilityProfiles;
import org.musubi.secretariat.fees.jdbc.JdbcFeeStore;
import org.musubi.secretariat.fees.jdbc.JdbcInvoiceStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.thymeleaf.ITemplateEngine;

/** Fees and invoices: their stores, the settings and rules, the monthly run, the invoices and their PDF. */
@Configuration(proxyBeanMethods = false)
class FeesConfiguration {

    @Bean
    FeeStore feeStore(JdbcClient jdbc) {
        return new JdbcFeeStore(jdbc);
    }

    @Bean
    InvoiceStore invoiceStore(JdbcClient jdbc) {
        return new JdbcInvoiceStore(jdbc);
    }

    @Bean
    FeeSettings feeSettings(FeeStore store, Audit audit, Standby standby) {
        return new FeeSettings(store, audit, standby::readOnly);
    }

    @Bean
    MonthlyRun monthlyRun(Facilities facilities, FacilityProfiles profiles, FeeStore fees, InvoiceStore invoices,
                          Audit audit, Standby standby) {
        return new MonthlyRun(facilities, profiles, fees, invoices, audit, standby::readOnly);
    }

    @Bean
    Invoices invoices(InvoiceStore store, FeeStore fees, Audit audit, Standby standby) {
        return new Invoices(store, fees, audit, standby::readOnly, Clock.systemUTC());
    }

    @Bean
    InvoicePdf invoicePdf(ITemplateEngine templates, PdfPrinter pdf) {
        return new InvoicePdf(templates, pdf);
    }
}
