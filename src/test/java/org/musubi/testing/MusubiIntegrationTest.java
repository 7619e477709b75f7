package org.musubi.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.musubi.Musubi;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * One Spring context for every integration test: real embedded PostgreSQL (a fresh cluster under
 * target/, started once per test JVM thanks to context caching), real HTTP on a random port, demo
 * mode on so the demo network exists. Use the same annotation everywhere to keep it one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = {Musubi.class, StatementCounter.class, TestPasswordHashing.class, TestArchive.class}, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "musubi.database.embedded.data-directory=${musubi.it.dir:target}/it-postgres",
        "musubi.database.embedded.clean-on-start=true",
        // Not durable: a commit not yet on disk is lost only if PostgreSQL or the machine crashes, which no test does
        // (the crash drills kill Musubi, never this cluster), and its fsyncs cost the attacker suite about a tenth of
        // its time (bench/README.md, "Stop 65"). The product's default is durable: EmbeddedDurabilityIT proves it on a
        // cluster started as Musubi starts one with nothing configured.
        NotDurable.FSYNC, NotDurable.SYNCHRONOUS_COMMIT, NotDurable.FULL_PAGE_WRITES,
        "musubi.demo.enabled=true",
        // The demo's imported records are proved by DemoRecordsIT; other tests start without them.
        "musubi.demo.import-persons=0",
        // The demo's year of history (issue 45) gives most demo persons a card and consent: proved by
        // StatisticsDemoIT on a demo of its own; other tests pick demo persons without cards.
        "musubi.demo.history=false",
        "musubi.security.ip-max-failures=40",
        // No scheduled derivation of the surveillance counts: its audit row would land in whichever test runs a minute
        // after the start (SurveillanceDerivationIT runs it itself).
        "musubi.surveillance.derive-every=0",
        // A configured matrix row, so that rule 6 (profession × category) is proved through HTTP too.
        "musubi.policy.matrix.MUNICIPAL_STAFF=NONE",
        "musubi.security.secret-key-file=${musubi.it.dir:target}/it-secret.key",
        // Certificate login through a proxy's header (TestServerCertificates writes the anchors file and knows the secret).
        "musubi.security.certificates.trust-anchors=${musubi.it.dir:target}/it-client-cas.pem",
        "musubi.security.certificates.header.enabled=true",
        "musubi.security.certificates.header.secret=" + TestServerCertificates.PROXY_SECRET,
        "musubi.blob.directory=${musubi.it.dir:target}/it-blobs",
        // Each JVM spools its own audit and reads its own demo folder (never the project's ./data).
        "musubi.audit.spool-directory=${musubi.it.dir:target}/it-spool",
        "musubi.demo.import-folder=${musubi.it.dir:target}/it-demo-sources",
        // An online editor for Box's WOPI host (none runs here: WopiIT's client stands in for it).
        "musubi.box.wopi.editor-url=https://editor.invalid/hosting/wopi/word/edit",
        // Small enough that a test can exceed it cheaply.
        "musubi.ingest.upload-max-size=2MB",
        "musubi.ingest.upload-directory=${musubi.it.dir:target}/it-uploads",
        // The ORCA stand-ins listen on 127.0.0.1, which the operator allows here; 127.0.0.2 stays internal and refused.
        "musubi.outbound.allow=127.0.0.1",
        // As behind a reverse proxy on loopback, which the operator names: tests act as other client addresses via
        // X-Forwarded-For (127.0.0.2 is no proxy: ForwardedForIT).
        "musubi.web.trusted-proxies=127.0.0.1,::1",
        "logging.structured.format.console=",
        "spring.main.banner-mode=off"
})
public @interface MusubiIntegrationTest {
}
