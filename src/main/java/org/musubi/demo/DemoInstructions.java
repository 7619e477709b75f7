package org.musubi.demo;

import org.musubi.security.DemoAccounts;

/** What a newcomer reads on the console after start in demo mode. */
final class DemoInstructions {

    private DemoInstructions() {
    }

    static String text(String port, String password) {
        return """

                ================================================================================
                 Musubi is running in DEMO MODE (synthetic data only) / デモモードで起動しました
                   http://localhost:%s
                   Log in / ログイン:  admin (network operator / ネットワーク管理者),
                                     doctor1, nurse1, pharmacist1, caremanager1, paramedic1 ... (staff / 職員;
                                     every role is listed on the login page / 役割ごとの一覧はログイン画面に)
                                     resident1 (a resident's notebook / 住民の健康手帳, /phr)
                   Password / パスワード:  %s
                   Second factor / 二要素認証: the next usable demo code is shown on the code page
                     (DEMO ONLY), or add secret %s to an authenticator app.
                   Demo mode is off with an external database or MUSUBI_DEMO_ENABLED=false.
                ================================================================================
                """.formatted(port, password, DemoAccounts.DEMO_TOTP_SECRET);
    }

    /** The demo's resident with a notebook, and the card a paramedic finds her by (the second tour). */
    static String resident(DemoResident.Seeded resident, String password) {
        return """

                --------------------------------------------------------------------------------
                 Demo resident / デモの住民（健康手帳）: %s  (%s, password / パスワード %s)
                   Regional card / 地域カード: %s   check code / 確認コード: %s
                --------------------------------------------------------------------------------
                """.formatted(resident.name(), resident.account().loginId(), password, resident.cardNumber(),
                resident.printedCheckCode());
    }
}
