package org.musubi.security.internal.certificate;

import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.registry.Administrator;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.registry.Users;
import org.springframework.stereotype.Service;

/**
 * Registering and revoking users' client certificates: by a network administrator for any staff account, by a facility
 * administrator for the members of their facilities. A user the administrator may not manage is answered as a user
 * that does not exist; refused changes and every change are audited on the user.
 */
@Service
class ClientCertificateAdministration {

    /** The user an administrator manages, and their certificates (revoked ones too). */
    record Managed(User user, List<ClientCertificateStore.Registered> certificates) {
    }

    /** What a registration came to. */
    sealed interface Registration permits Added, Invalid, NotFound {
    }

    record Added(long id, String fingerprint) implements Registration {
    }

    /** The text is no certificate that may be registered: the message key saying why. */
    record Invalid(String messageKey) implements Registration {
    }

    /** No user the administrator manages. */
    record NotFound() implements Registration {
    }

    private final Users users;
    private final ClientCertificateStore store;
    private final Audit audit;

    ClientCertificateAdministration(Users users, ClientCertificateStore store, Audit audit) {
        this.users = users;
        this.store = store;
        this.audit = audit;
    }

    /** The user's certificates; empty, and audited, when the administrator manages no such user. */
    Optional<Managed> of(Administrator admin, long userId) {
        Optional<Managed> managed = managed(admin, userId).map(user -> new Managed(user, store.ofUser(userId)));
        if (managed.isEmpty()) {
            refused(AuditAction.ACCESS_DENIED, userId, "client certificates of no staff account this administrator "
                    + "manages");
        }
        return managed;
    }

    Registration register(Administrator admin, long userId, String pem) {
        Optional<User> user = managed(admin, userId);
        if (user.isEmpty()) {
            refused(AuditAction.CERTIFICATE_REGISTER, userId, "no staff account this administrator manages");
            return new NotFound();
        }
        X509Certificate certificate;
        try {
            List<X509Certificate> parsed = pem == null || pem.length() > PemCertificates.MAX_PEM ? List.of()
                    : PemCertificates.parse(pem);
            if (parsed.size() != 1) {
                return new Invalid(parsed.isEmpty() ? "certificate.error.empty" : "certificate.error.several");
            }
            certificate = parsed.getFirst();
        } catch (CertificateException | IllegalArgumentException e) {
            return new Invalid("certificate.error.unreadable");
        }
        Optional<String> fault = fault(certificate);
        if (fault.isPresent()) {
            return new Invalid(fault.get());
        }
        byte[] fingerprint = PemCertificates.fingerprint(certificate);
        Optional<Long> id = store.add(userId, certificate, admin.userId());
        if (id.isEmpty()) {
            refused(AuditAction.CERTIFICATE_REGISTER, userId, "certificate " + PemCertificates.shortly(fingerprint)
                    + " is registered already");
            return new Invalid("certificate.error.taken");
        }
        audit.record(AuditEntry.of(AuditAction.CERTIFICATE_REGISTER, Outcome.PERMIT).on("User", userId)
                .reason("certificate " + PemCertificates.shortly(fingerprint) + ", subject "
                        + certificate.getSubjectX500Principal().getName() + ", issuer "
                        + certificate.getIssuerX500Principal().getName()));
        return new Added(id.get(), PemCertificates.colons(fingerprint));
    }

    /**
     * Revokes the user's certificate and ends the user's sessions (one may have begun with it); false, and audited, when
     * the administrator manages no such user or the user has no such certificate in use.
     */
    boolean revoke(Administrator admin, long userId, long certificateId) {
        if (managed(admin, userId).isEmpty() || !store.revoke(userId, certificateId, admin.userId())) {
            refused(AuditAction.CERTIFICATE_REVOKE, userId, "no certificate " + certificateId
                    + " in use of a staff account this administrator manages");
            return false;
        }
        users.endSessions(userId);
        audit.record(AuditEntry.of(AuditAction.CERTIFICATE_REVOKE, Outcome.PERMIT).on("User", userId)
                .reason("certificate " + certificateId + "; the user's sessions ended"));
        return true;
    }

    private Optional<User> managed(Administrator admin, long userId) {
        return users.find(userId).filter(admin::mayManage).filter(u -> u.profession() != Profession.FACILITY_SYSTEM);
    }

    private void refused(AuditAction action, long userId, String reason) {
        audit.record(AuditEntry.of(action, Outcome.DENY).on("User", userId).reason(reason));
    }

    /** Why this certificate cannot be a user's login certificate (a message key), if it cannot. */
    private static Optional<String> fault(X509Certificate certificate) {
        try {
            certificate.checkValidity();
        } catch (CertificateExpiredException e) {
            return Optional.of("certificate.error.expired");
        } catch (CertificateNotYetValidException e) {
            // issued ahead of its first day: it logs in from then on
        }
        if (certificate.getBasicConstraints() >= 0) {
            return Optional.of("certificate.error.ca");
        }
        if (!CertificateChecks.forClientAuthentication(certificate)) {
            return Optional.of("certificate.error.purpose");
        }
        return ClientCertificateStore.serial(certificate.getSerialNumber()).length() > 64
                ? Optional.of("certificate.error.unreadable") : Optional.empty();
    }
}
