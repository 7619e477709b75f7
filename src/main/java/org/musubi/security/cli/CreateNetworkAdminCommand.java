package org.musubi.security.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.musubi.audit.Actor;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.registry.Administrator;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.registry.UserDraft;
import org.musubi.registry.UserStatus;
import org.musubi.registry.Users;
import org.musubi.security.AccountAdministration;
import org.musubi.security.IssuedSecret;
import org.springframework.stereotype.Component;

/**
 * {@code musubi admin create}: the first network administrator of a new installation, who then
 * creates everyone else in the browser. Refused once an active network administrator exists.
 */
@Component
public class CreateNetworkAdminCommand {

    public static final String HELP = """
            Usage: musubi admin create --login-id=ID [--name=氏名] [--kana=カナ]

            Creates the first network administrator of a new installation and prints a temporary password
            and a second-factor enrolment code, once. At first login the administrator enrols an authenticator
            app (QR code) with that code and chooses a new password. Refused when an active network
            administrator already exists: add further users on the /admin screens instead.
            """;
    private static final Administrator SYSTEM = new Administrator(0, true, Set.of());
    private final Users users;
    private final AccountAdministration accounts;
    private final Audit audit;

    CreateNetworkAdminCommand(Users users, AccountAdministration accounts, Audit audit) {
        this.users = users;
        this.accounts = accounts;
        this.audit = audit;
    }

    public int run(Map<String, String> options, PrintStream out, PrintStream err) {
        if (users.anyActiveNetworkAdmin()) {
            err.println("A network administrator already exists; add users on /admin/users instead."
                    + " / ネットワーク管理者は登録済みです。利用者は管理画面で追加してください。");
            return 1;
        }
        UserDraft draft = new UserDraft(options.get("login-id"), options.getOrDefault("name", "ネットワーク管理者"),
                options.getOrDefault("kana", "ネットワーク カンリシャ"), Profession.NETWORK_OPERATOR, List.of(), true,
                UserStatus.ACTIVE);
        if (!draft.check().isEmpty() || users.findByLoginId(draft.loginId()).isPresent()) {
            err.println("Invalid or taken --login-id (3-64 lower-case letters, digits, . _ @ -): " + options.get("login-id"));
            return 2;
        }
        User user = users.insert(draft, false);
        AccountAdministration.InitialSecrets secrets = accounts.issueInitial(SYSTEM, user.id());
        audit.record(AuditEntry.of(AuditAction.USER_CREATE, Outcome.PERMIT).on("User", user.id())
                .reason("first network administrator (command line)").by(Actor.system("cli")));
        print(out, user, secrets.temporaryPassword(), secrets.enrolmentCode());
        return 0;
    }

    private static void print(PrintStream out, User user, IssuedSecret password, IssuedSecret code) {
        out.println("Network administrator created / ネットワーク管理者を作成しました: " + user.loginId());
        out.println("  temporary password / 仮パスワード: " + password.value());
        out.println("  enrolment code / 二要素認証の登録コード: " + code.value() + " (valid until " + code.validUntil() + ")");
        out.println("These are shown only now. / この表示は一度だけです。");
    }
}
