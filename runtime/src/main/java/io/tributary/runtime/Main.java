package io.tributary.runtime;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Command line entry point: {@code tributary start | version | help}. */
public final class Main {
    private Main() {
    }

    static final String USAGE = """
            Usage: tributary <command>

            Commands:
              start     Start the server in the foreground. Ctrl-C or SIGTERM stops it gracefully:
                        no new runs are accepted, running ones get up to shutdown.timeout.seconds to finish.
              version   Print the version.
              help      Print this help (also --help, -h).

            Settings (conf/tributary.properties; an environment variable or -Dtributary.<key> overrides):
              http.port      TRIBUTARY_HTTP_PORT      HTTP port (default 8080)
              http.host      TRIBUTARY_HTTP_HOST      address to listen on (default 0.0.0.0)
              data.dir       TRIBUTARY_DATA_DIR       data directory (default data/)
              db.url         TRIBUTARY_DB_URL         JDBC URL; empty = embedded H2 in the data directory
              db.user        TRIBUTARY_DB_USER        database user
              db.password    TRIBUTARY_DB_PASSWORD    database password
              admin.token    TRIBUTARY_ADMIN_TOKEN    admin API token; generated on first start if empty
              ssrf.allow     TRIBUTARY_SSRF_ALLOW     hosts/CIDRs server-side fetches may reach despite the SSRF guard
              knowledge.openai.base.url  TRIBUTARY_KNOWLEDGE_OPENAI_BASE_URL  OpenAI-compatible embeddings
                             (…/v1); also knowledge.openai.api.key, .model, .provider, .dimensions
              knowledge.rerank.base.url  TRIBUTARY_KNOWLEDGE_RERANK_BASE_URL  Jina-style rerank service (…/v1);
                             also knowledge.rerank.api.key, .model, .provider
              cache.clean    TRIBUTARY_CACHE_CLEAN    true = start from an empty framework cache
              demo           TRIBUTARY_DEMO           false = do not provision the demo app on first start
            """;

    public static void main(String[] args) throws Exception {
        String cmd = args.length == 0 ? "help" : args[0];
        switch (cmd) {
            case "start" -> System.exit(start());
            case "version", "--version" -> System.out.println("tributary " + version());
            case "help", "--help", "-h" -> System.out.print(USAGE);
            default -> {
                System.err.println("Unknown command: " + cmd);
                System.err.print(USAGE);
                System.exit(2);
            }
        }
    }

    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    static Path home() {
        String h = System.getProperty("tributary.home");
        return (h == null ? Paths.get("") : Paths.get(h)).toAbsolutePath().normalize();
    }

    private static int start() throws Exception {
        long t0 = System.nanoTime();
        Path home = home();
        Path logback = home.resolve("conf").resolve("logback.xml");
        if (Files.isRegularFile(logback) && System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", logback.toString());
        }
        Logger log = LoggerFactory.getLogger(Main.class);
        Settings settings;
        AdminToken.Token token;
        try {
            settings = Settings.load(home, System.getenv(), System.getProperties());
            token = AdminToken.resolve(settings.get("admin.token"), settings.dataDir());
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("Cannot start: " + e.getMessage());
            return 1;
        }
        if (token.generated()) {
            printOnce(System.out, token.value(), settings.dataDir().resolve(AdminToken.FILE_NAME));
        }
        Launcher launcher = new Launcher(settings, token.sha256());
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("tributary-shutdown").unstarted(() -> {
            try {
                for (String bundle : launcher.bundlesStarting()) {
                    log.error("The JVM is exiting while bundle {} is starting: its activator called System.exit"
                            + " (or the process was signalled during its start). A plugin is quarantined on the"
                            + " next start.", bundle);
                }
                log.info("Stopping");
                launcher.stop();
            } catch (Exception e) {
                log.error("Shutdown failed", e);
            }
        }));
        try {
            launcher.start();
        } catch (Exception e) {
            log.error("Cannot start: {}", e.getMessage(), e);
            launcher.stop();
            return 1;
        }
        log.info("Tributary {} framework started in {} ms (home {})", version(), (System.nanoTime() - t0) / 1_000_000,
                home);
        if (settings.getBoolean("demo")) {
            int port = settings.getInt("http.port");
            if (port > 0) {
                new Provisioner(Provisioner.baseUrl(settings.get("http.host"), port), token.value(),
                        settings.dataDir(), System.out).startInBackground();
            }
        }
        launcher.await();
        return 0;
    }

    private static void printOnce(PrintStream out, String token, Path file) {
        out.println("""
                ------------------------------------------------------------------
                 Admin token generated (shown once; kept in %s, mode 0600):
                   %s
                 Use it as:  Authorization: Bearer <token>   on /admin/v1/...
                ------------------------------------------------------------------"""
                .formatted(file, token));
        out.flush();
    }
}
