package org.musubi.secretariat.helpdesk;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The FAQ entries the demo network starts with (published), by seed key: each is stored once, when no entry with its key
 * exists, so an operator's edit or unpublishing is never undone by the next start. A real network writes its own.
 */
final class DemoFaq {

    private DemoFaq() {
    }

    static Map<String, FaqEntries.FaqEntry> entries() {
        Map<String, FaqEntries.FaqEntry> entries = new LinkedHashMap<>();
        entries.put("demo-login-password", entry(HelpCategory.LOGIN, 10, "パスワードを忘れてログインできません。",
                "施設の管理者（管理 → 利用者）がパスワードを初期化し、新しい登録コードを発行できます。管理者がいない施設は"
                + "事務局にお問い合わせください。登録コードで初めてログインすると、新しいパスワードと二要素認証を設定します。"));
        entries.put("demo-login-2fa", entry(HelpCategory.LOGIN, 20, "二要素認証のスマートフォンをなくしました（機種変更しました）。",
                "ログインに使う認証アプリの端末をなくした場合は、すぐに施設の管理者か事務局に連絡してください。本人確認のうえで"
                + "認証の登録を取り消し、新しい登録コードを発行します。新しい端末で登録コードからログインし、認証アプリを"
                + "登録し直してください。古い端末のコードはその時点で使えなくなります。"));
        entries.put("demo-linking-card", entry(HelpCategory.LINKING, 10, "受付でカードを確認しても患者さんと連携できません。",
                "「この方と連携する」では、カード番号、カード裏面の確認コード、氏名（カナ）、生年月日がすべて一致する必要が"
                + "あります。カナの表記（小さい文字や長音）と生年月日を確かめてください。何度も失敗すると一時的に受け付け"
                + "なくなります。それでも連携できないときは、患者さんの情報は書かずに、このページから事務局にお問い合わせください。"));
        entries.put("demo-imports-errors", entry(HelpCategory.IMPORTS, 10, "データ取り込みでエラーが表示されました。",
                "管理 → データ取り込み で取り込みを開くと、問題のあった記録ごとにファイル、記録、項目と理由が表示されます。"
                + "問題のない記録は取り込まれています。元のシステムで直したファイルを置き直すと、次の取り込みで読み直します。"
                + "理由がわからないときは、取り込みの画面から問い合わせてください（開いていた画面が自動で添付されます）。"));
        entries.put("demo-letters-status", entry(HelpCategory.LETTERS_BOX, 10, "紹介状が相手の施設に届いたか確認したい。",
                "受信箱の「送信済み」で、送った紹介状ごとに状態（送信・開封・受理・返戻）を確認できます。返戻されたときは"
                + "理由が表示されます。Box で送ったファイルは Box の画面で受け取りの状況を確認できます。"));
        entries.put("demo-other-patient", entry(HelpCategory.OTHER, 10, "問い合わせに患者さんのことを書いてもよいですか。",
                "問い合わせの本文には患者さんの氏名や病名を書かないでください。患者さんに関わる問い合わせは、その患者さんの"
                + "画面から問い合わせ、「この患者を参照として含める」を選んでください。事務局には参照番号だけが届き、"
                + "患者さんの情報は届きません。"));
        return entries;
    }

    private static FaqEntries.FaqEntry entry(HelpCategory category, int position, String question, String answer) {
        return new FaqEntries.FaqEntry(0, category, question, answer, position, true);
    }
}
