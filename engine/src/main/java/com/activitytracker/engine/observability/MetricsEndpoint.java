package com.activitytracker.engine.observability;

import com.activitytracker.engine.config.Settings;
import com.activitytracker.engine.config.SettingsException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET http://127.0.0.1:PORT/metrics}: the Prometheus text format of a registry, served by the
 * JDK's own HTTP server on loopback only (the meters carry topic names and business figures, and
 * there is no authentication). One daemon thread answers; {@link #close()} stops it.
 */
public final class MetricsEndpoint implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MetricsEndpoint.class);
    static final String PATH = "/metrics";
    /** The classic text format every Prometheus version reads. */
    private static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService executor;

    private MetricsEndpoint(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * @param port 0 for any free port
     * @throws SettingsException naming METRICS_PORT when the port is taken
     */
    public static MetricsEndpoint start(PrometheusMeterRegistry registry, int port) {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        HttpServer server;
        try {
            server = HttpServer.create(address, 16);
        } catch (BindException e) {
            throw new SettingsException(
                    Settings.METRICS_PORT + ": port " + port + " on 127.0.0.1 is already in use"
                            + " (another Activity Tracker?); choose another with --metrics-port or METRICS_PORT, or turn it off");
        } catch (IOException e) {
            throw new SettingsException(
                    Settings.METRICS_PORT + ": cannot listen on 127.0.0.1:" + port + ": " + e.getMessage());
        }
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "metrics-endpoint");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext(PATH, exchange -> answer(exchange, registry));
        server.createContext("/", MetricsEndpoint::pointToMetrics);
        server.start();
        log.info("Metrics served at http://127.0.0.1:{}{}", server.getAddress().getPort(), PATH);
        return new MetricsEndpoint(server, executor);
    }

    /** The port actually bound (the free one chosen for 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port() + PATH;
    }

    private static void answer(HttpExchange exchange, PrometheusMeterRegistry registry) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", TEXT_FORMAT);
            boolean head = "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(200, head ? -1 : body.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (RuntimeException e) {
            log.warn("Could not answer a metrics scrape: {}", e.getMessage());
        }
    }

    private static void pointToMetrics(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = "Activity Tracker: the meters are at /metrics\n".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(404, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
