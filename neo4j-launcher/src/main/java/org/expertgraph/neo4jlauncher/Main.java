package org.expertgraph.neo4jlauncher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * Runs an embedded Neo4j Community DBMS with the Bolt connector enabled, so
 * the Go code can talk to a real Neo4j without Docker or a Neo4j tarball.
 *
 * <pre>
 * java -cp 'target/classes:target/lib/*' org.expertgraph.neo4jlauncher.Main \
 *     --port 7687 --data /path/to/dir [--host 127.0.0.1] [--auth none|password:PW] \
 *     [--pagecache 256m]
 * </pre>
 *
 * <ul>
 *   <li>{@code --data DIR}: everything Neo4j writes goes below DIR
 *       (DIR/databases, DIR/transactions, DIR/dbms, DIR/logs/debug.log).</li>
 *   <li>{@code --auth none} (default): authentication disabled; clients connect
 *       with no credentials (Go: {@code neo4j.NoAuth()}).</li>
 *   <li>{@code --auth password:PW}: authentication enabled; the built-in user
 *       {@code neo4j} gets password PW (at least 8 characters), no change
 *       required (Go: {@code neo4j.BasicAuth("neo4j", PW, "")}).</li>
 * </ul>
 *
 * Prints {@code READY bolt://HOST:PORT} on stdout once the DBMS has started
 * and shuts the DBMS down cleanly on SIGTERM/SIGINT.
 */
public final class Main {

    private Main() {}

    private static void usage(String msg) {
        if (msg != null) {
            System.err.println("neo4j-launcher: " + msg);
        }
        System.err.println("usage: Main --port N --data DIR [--host 127.0.0.1]"
                + " [--auth none|password:PW] [--pagecache 256m]");
        System.exit(2);
    }

    private static long parseBytes(String s) {
        String v = s.trim().toLowerCase();
        long mult = 1;
        char last = v.isEmpty() ? ' ' : v.charAt(v.length() - 1);
        switch (last) {
            case 'k': mult = 1L << 10; break;
            case 'm': mult = 1L << 20; break;
            case 'g': mult = 1L << 30; break;
            default: break;
        }
        if (mult != 1) {
            v = v.substring(0, v.length() - 1);
        }
        return Long.parseLong(v) * mult;
    }

    public static void main(String[] args) throws Exception {
        Integer port = null;
        String data = null;
        String host = "127.0.0.1";
        String auth = "none";
        String pagecache = "256m";

        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String val = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                val = a.substring(eq + 1);
                a = a.substring(0, eq);
            }
            switch (a) {
                case "--port":
                case "--data":
                case "--host":
                case "--auth":
                case "--pagecache":
                    if (val == null) {
                        if (i + 1 >= args.length) {
                            usage("missing value for " + a);
                        }
                        val = args[++i];
                    }
                    break;
                case "-h":
                case "--help":
                    usage(null);
                    break;
                default:
                    usage("unknown argument " + a);
            }
            switch (a) {
                case "--port":
                    try {
                        port = Integer.parseInt(val);
                    } catch (NumberFormatException e) {
                        usage("bad port " + val);
                    }
                    break;
                case "--data": data = val; break;
                case "--host": host = val; break;
                case "--auth": auth = val; break;
                case "--pagecache": pagecache = val; break;
                default: break;
            }
        }
        if (port == null || port <= 0 || port > 65535) {
            usage("--port N (1-65535) is required");
        }
        if (data == null || data.isEmpty()) {
            usage("--data DIR is required");
        }
        String password = null;
        if (auth.startsWith("password:")) {
            password = auth.substring("password:".length());
            if (password.length() < 8) {
                usage("password must be at least 8 characters");
            }
        } else if (!auth.equals("none")) {
            usage("--auth must be none or password:PW");
        }

        Path dir = Path.of(data).toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            usage("cannot create data directory " + dir + ": " + e.getMessage());
        }

        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(dir)
                .setConfig(GraphDatabaseSettings.data_directory, dir)
                .setConfig(GraphDatabaseSettings.logs_directory, dir.resolve("logs"))
                .setConfig(GraphDatabaseSettings.pagecache_memory, parseBytes(pagecache))
                .setConfig(GraphDatabaseSettings.auth_enabled, password != null)
                // Keep the transaction logs small: this is a dev/test server.
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "1 files")
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress(host, port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                // Defaults wait 5 s each on shutdown; a dev server can stop faster.
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                // No phoning home (dbms.usage_report.enabled=false).
                .setConfig(GraphDatabaseSettings.udc_enabled, false);

        final DatabaseManagementService managementService = builder.build();
        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("STOPPING");
            System.out.flush();
            try {
                managementService.shutdown();
            } catch (Throwable t) {
                t.printStackTrace();
            } finally {
                System.out.println("STOPPED");
                System.out.flush();
                stopped.countDown();
            }
        }, "neo4j-launcher-shutdown"));

        if (password != null) {
            GraphDatabaseService system = managementService.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
            system.executeTransactionally(
                    "ALTER USER neo4j SET PLAINTEXT PASSWORD $pw CHANGE NOT REQUIRED",
                    Map.of("pw", password));
        }

        // Make sure the default database is really up before saying READY.
        GraphDatabaseService db = managementService.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        db.executeTransactionally("RETURN 1");

        System.out.println("READY bolt://" + host + ":" + port);
        System.out.flush();

        stopped.await();
    }
}
