package uk.org.quadrant.common.testing.support;

import org.h2.tools.Server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;

/**
 * A real database process the test can stop and start: an H2 TCP server on a free loopback port,
 * holding its database in a file under a temporary directory (so it survives a restart). The
 * service under test reaches it over TCP, as it would reach MySQL.
 */
public final class DatabaseServer implements AutoCloseable {

    private static final String MODE = ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;NON_KEYWORDS=VALUE,YEAR";

    private final Path dir;
    private final int port;
    private Server server;

    public DatabaseServer() {
        try {
            dir = Files.createTempDirectory("quadrant-db");
            try (ServerSocket probe = new ServerSocket(0)) {
                port = probe.getLocalPort();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        start();
    }

    public String url() {
        return "jdbc:h2:tcp://127.0.0.1:" + port + "/quadrant" + MODE;
    }

    /**
     * The service's datasource on this server, with the pool's timeouts as configured in production
     * (the service's application.yml) unless a test overrides them.
     */
    public Map<String, String> properties() {
        return Map.of("datasources.default.url", url(),
                "datasources.default.username", "sa",
                "datasources.default.password", "",
                "datasources.default.driver-class-name", "org.h2.Driver");
    }

    public synchronized void start() {
        try {
            server = Server.createTcpServer("-tcpPort", Integer.toString(port), "-baseDir", dir.toString(), "-ifNotExists").start();
        } catch (SQLException e) {
            throw new IllegalStateException("could not start the database on port " + port, e);
        }
    }

    /** Stops the server and drops every open connection, as a crashed or restarted database would. */
    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind
        }
    }
}
