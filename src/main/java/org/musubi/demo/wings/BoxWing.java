package org.musubi.demo.wings;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.musubi.box.Box;
import org.musubi.box.BoxFile;
import org.musubi.box.SendFiles;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Box: the hospital's doctor shares, with the clinic's doctors, the diet guidance the protagonist was given in hospital
 * (a plain-text file written afresh), with a message.
 */
final class BoxWing {

    /** The shared file's name. */
    static final String FILE = "退院時の食事指導.txt";
    private static final Logger log = LoggerFactory.getLogger(BoxWing.class);

    private final SendFiles box;

    BoxWing(SendFiles box) {
        this.box = box;
    }

    /** The file shared; empty when Box refused it. */
    Optional<BoxFile> tell(WingContext c, User sender, User recipient, long personId) {
        byte[] guidance = ("""
                退院時の食事指導（デモ・架空のデータです）
                エネルギー：1日 1,600 kcal（標準体重 × 25 kcal）
                主食は毎食ごはん 150 g。間食・甘い飲み物は控える。
                塩分：1日 6 g 未満。漬物・汁物は1日1回まで。
                管理栄養士：結び 栄子
                """).getBytes(StandardCharsets.UTF_8);
        Box.Sent sent = c.actAs().user(sender.id(), () -> box.send(c.reader(sender), List.of(new Box.Upload(FILE,
                "text/plain", new ByteArrayInputStream(guidance))), new Box.Recipients(Set.of(), recipient
                .actingFacilityId().orElseThrow(), Set.of(Profession.DOCTOR)),
                "入院中に行った食事指導の資料です。外来でのご指導にお役立てください。", new Box.About(personId, false)));
        if (!sent.faults().isEmpty()) {
            log.warn("Demo Box: the file was not shared: {}", sent.faults());
        }
        return sent.files().stream().findFirst();
    }
}
